package io.ballast.plugins.strategies;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.strategy.StrategyContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

/** Constructed prices and contexts for the strategy tests: weekdays from 2020-01-01, 252 periods a year, no portfolio. */
final class MarketFixtures {

    static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);

    private MarketFixtures() {
    }

    /** {@code count} weekdays from {@link #FIRST_DAY}. */
    static List<LocalDate> weekdays(int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = FIRST_DAY; days.size() < count; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    /** Closes on consecutive weekdays; every asset's array has the same length. */
    static PriceHistory history(Map<String, double[]> closesByAsset) {
        int days = closesByAsset.values().iterator().next().length;
        return new PriceHistory(weekdays(days), closesByAsset);
    }

    static PriceHistory history(String asset, double[] closes) {
        return history(Map.of(asset, closes));
    }

    /**
     * {@code count} closes starting at 100, the close of day i (i = 1, 2, ...) being the one before
     * times {@code exp(logReturnOnDay(i))}: {@code 100 exp(sum of the log returns so far)}.
     */
    static double[] fromLogReturns(int count, IntToDoubleFunction logReturnOnDay) {
        double[] closes = new double[count];
        double cumulative = 0;
        closes[0] = 100;
        for (int day = 1; day < count; day++) {
            cumulative += logReturnOnDay.applyAsDouble(day);
            closes[day] = 100 * Math.exp(cumulative);
        }
        return closes;
    }

    /** Daily log returns {@code drift + amplitude} on even days and {@code drift - amplitude} on odd days. */
    static double[] alternating(int count, double drift, double amplitude) {
        return fromLogReturns(count, day -> drift + (day % 2 == 0 ? amplitude : -amplitude));
    }

    /**
     * 1,000 closes of a calm market drifting at {@code annualDrift} (log, 252 days a year), with
     * alternating noise of a slowly falling amplitude {@code A_i = 0.01 (1 - 0.5 i / 1000)}: today's
     * 21-day volatility is the lowest of the last 756 days' (its percentile is 0), never tied with
     * another day's as a constant amplitude would be up to round-off.
     */
    static double[] calmMarket(double annualDrift) {
        return fromLogReturns(1000, day -> annualDrift / 252 + (day % 2 == 0 ? 1 : -1) * 0.01 * (1 - 0.5 * day / 1000));
    }

    /** {@code 100 growth^i}: every simple daily return is {@code growth - 1}. */
    static double[] geometric(int count, double growth) {
        double[] closes = new double[count];
        for (int day = 0; day < count; day++) {
            closes[day] = 100 * Math.pow(growth, day);
        }
        return closes;
    }

    /** The context at the history's last day, over {@code universe}, at 252 periods a year. */
    static StrategyContext context(PriceHistory prices, List<String> universe, Map<String, Object> parameters) {
        return new StrategyContext(prices.dates().getLast(), universe, prices, 252, Optional.empty(), parameters);
    }

    static StrategyContext context(PriceHistory prices, Map<String, Object> parameters) {
        return context(prices, prices.assets(), parameters);
    }

    /** A map that keeps the order its pairs were given in. */
    static Map<String, Object> parameters(Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }
}
