package io.ballast.plugins.strategies;

import static io.ballast.plugins.strategies.MarketFixtures.fromLogReturns;
import static io.ballast.plugins.strategies.MarketFixtures.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.strategy.Strategy;
import io.ballast.api.strategy.StrategyContext;
import io.ballast.api.strategy.StrategyOutput;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No strategy looks beyond {@code asOf}: 900 days of four assets, then 100 more days of either a crash
 * or a boom. Whatever comes after {@code asOf}, the output at {@code asOf} is the same; the futures are
 * strong enough to change the output of a later day, so a strategy that saw them would differ.
 */
class LookAheadTest {

    private static final int PAST_DAYS = 900;
    private static final int FUTURE_DAYS = 100;
    private static final List<String> UNIVERSE = List.of("A", "B", "C", "D");

    static Stream<Strategy> strategies() {
        return Stream.of(new TimeSeriesMomentumStrategy(), new CrossSectionalMomentumStrategy(), new MeanReversionStrategy(),
                new MarketRegimeStrategy());
    }

    /** Four assets with drifts of -10%, 0%, +10% and +20% a year and +-1% alternating noise, then the future. */
    private static PriceHistory market(double futureDailyLogReturn) {
        Map<String, double[]> closes = new LinkedHashMap<>();
        for (int asset = 0; asset < UNIVERSE.size(); asset++) {
            double annualDrift = -0.10 + 0.10 * asset;
            // the future moves the assets apart too, so the cross-sectional ranking changes with it
            double future = futureDailyLogReturn * (1 + asset);
            closes.put(UNIVERSE.get(asset), fromLogReturns(PAST_DAYS + FUTURE_DAYS,
                    day -> (day < PAST_DAYS ? annualDrift / 252 : future) + (day % 2 == 0 ? 0.01 : -0.01)));
        }
        return history(closes);
    }

    private static StrategyContext at(LocalDate asOf, PriceHistory prices) {
        return new StrategyContext(asOf, UNIVERSE, prices, 252, Optional.empty(), Map.of());
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void pricesAfterAsOfChangeNothing(Strategy strategy) {
        PriceHistory crash = market(-0.02);
        PriceHistory boom = market(+0.02);
        LocalDate asOf = crash.dates().get(PAST_DAYS - 1);

        StrategyOutput beforeCrash = strategy.evaluate(at(asOf, crash.until(asOf)));
        StrategyOutput beforeBoom = strategy.evaluate(at(asOf, boom.until(asOf)));
        // asOf a day after the last close (a weekend, a holiday): still the same output
        StrategyOutput dayAfter = strategy.evaluate(at(asOf.plusDays(1), crash.until(asOf)));

        assertThat(beforeCrash).isEqualTo(beforeBoom).isEqualTo(dayAfter);
        assertThat(beforeCrash).isNotEqualTo(StrategyOutput.none());
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void theFuturesWouldChangeTheOutputOfALaterDay(Strategy strategy) {
        LocalDate lastDay = market(0).dates().getLast();

        assertThat(strategy.evaluate(at(lastDay, market(-0.02)))).isNotEqualTo(strategy.evaluate(at(lastDay, market(+0.02))));
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void aHistoryRunningPastAsOfNeverReachesAStrategy(Strategy strategy) {
        PriceHistory crash = market(-0.02);
        LocalDate asOf = crash.dates().get(PAST_DAYS - 1);

        assertThatThrownBy(() -> strategy.evaluate(at(asOf, crash)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a strategy must not see the future");
    }
}
