package io.ballast.plugins.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.strategy.MarketRegime;
import io.ballast.api.strategy.RegimeCall;
import io.ballast.api.strategy.Signal;
import io.ballast.api.strategy.StrategyContext;
import io.ballast.api.strategy.StrategyOutput;
import io.ballast.api.strategy.WeightTilt;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The strategies on the public data of {@code ballast.shared.data} (20 stocks and SPY, adjusted daily
 * closes), against numbers computed independently in python with numpy and scipy, per asset on its own
 * non-missing closes up to the day ({@code y = closes[:t + 1]; y = y[~isnan(y)]}):
 * <ul>
 *   <li>12-1 return {@code y[-22] / y[-253] - 1};</li>
 *   <li>t {@code = log(y[-22] / y[-253]) / (diff(log(y[-253:-21])).std(ddof=1) x sqrt(231))}, confidence
 *       {@code 2 scipy.stats.t.cdf(|t|, 230) - 1};</li>
 *   <li>volatility {@code (y[-252:] / y[-253:-1] - 1).std(ddof=1) x sqrt(252)}, strength
 *       {@code sign x min(1, 0.10 / volatility)}.</li>
 * </ul>
 */
class PublicMarketDataTest {

    private static final LocalDate END_OF_2017 = LocalDate.of(2017, 12, 29);

    private static StrategyContext context(LocalDate asOf, List<String> universe, Map<String, Object> parameters) {
        PriceHistory prices = SharedMarketData.stocksAndSpy().until(asOf);
        return new StrategyContext(asOf, universe, prices, 252, Optional.empty(), parameters);
    }

    @ParameterizedTest(name = "{0} at the end of 2017")
    @CsvSource({
        // asset, 12-1 return, strength at a 10% volatility target, confidence (numpy / scipy)
        "AAPL, 0.4752453614654133,   0.5683141877473205, 0.9773347120218872",   // 168.791809 / 114.416092 - 1
        "AMZN, 0.5177023898257107,   0.4753519839239586, 0.960671447306499",    // 1161.27002 / 765.150024 - 1
        "JPM,  0.23526468933343825,  0.6168691693634314, 0.8225483199830286",   // 102.671783 / 83.117233 - 1
        "XOM,  -0.05476774633860981, -0.8961735961236283, 0.3942759693642428",  // 81.437241 / 86.1558 - 1
        "AMD,  -0.06557377049180324, -0.1719949263268692, 0.09247350672697818", // 10.83 / 11.59 - 1, volatility 58%
        "SPY,  0.18767740443782666,  1.0,                0.99102866655209",     // volatility 6.7%, under the target
    })
    void timeSeriesMomentumMatchesNumpy(String asset, double twelveMinusOne, double strength, double confidence) {
        StrategyContext context = context(END_OF_2017, List.of(asset), Map.of("targetAnnualVolatility", 0.10));

        Signal signal = new TimeSeriesMomentumStrategy().evaluate(context).signals().getFirst();
        MomentumReturn momentum = MomentumReturn.measure(CloseSeries.of(context, asset), new MomentumWindow(252, 21));

        assertThat(momentum.simpleReturn()).isCloseTo(twelveMinusOne, within(1e-12));
        assertThat(signal.strength()).isCloseTo(strength, within(1e-9));
        assertThat(signal.confidence()).isCloseTo(confidence, within(1e-9));
    }

    @Test
    void crossSectionalMomentumRanksTheTwentyStocksAsNumpyDoes() {
        // numpy, 12-1 returns at the end of 2017, best first: BABA 1.060, AMZN 0.518, FB 0.505, AAPL 0.475, MA 0.440,
        // WMT 0.437, BBY 0.393, GOOG 0.305, BAC 0.300, GM 0.287, JPM 0.235, PFE 0.158, SBUX 0.040, XOM -0.055,
        // AMD -0.066, T -0.102, GE -0.402, RRC -0.473, SHLD -0.532, UAA -0.536
        List<String> stocks = SharedMarketData.stocksAndSpy().assets().stream().filter(asset -> !asset.equals("SPY")).toList();

        StrategyOutput output = new CrossSectionalMomentumStrategy().evaluate(context(END_OF_2017, stocks, Map.of("shortBottom", true)));

        assertThat(output.signals()).extracting(Signal::asset).containsExactly("BABA", "AMZN", "FB", "AAPL", "MA", "WMT", "BBY", "GOOG",
                "BAC", "GM", "JPM", "PFE", "SBUX", "XOM", "AMD", "T", "GE", "RRC", "SHLD", "UAA");
        // floor(0.3 x 20) = 6 per leg, 0.10 / 6 each way
        assertThat(output.tilts()).extracting(WeightTilt::asset).containsExactly("BABA", "AMZN", "FB", "AAPL", "MA", "WMT",
                "AMD", "T", "GE", "RRC", "SHLD", "UAA");
        assertThat(output.tilts()).allSatisfy(tilt -> assertThat(Math.abs(tilt.weightChange())).isCloseTo(0.1 / 6, within(1e-15)));
    }

    @ParameterizedTest(name = "SPY on {0}: {1}")
    @CsvSource({
        // numpy: trend gap, annual slope, 21-day volatility, share of the last 756 days' volatilities below it
        "2017-12-29, BULL,            0.8330026455026455",  // +8.6%, +29.5%, 6.1%, 101/756: calm margin (0.8 - 101/756) / 0.8 binds
        "2001-08-13, BEAR,            0.826388888888889",   // -5.8%, -26.2%, 14.9%, 105/756: calm margin binds
        "2008-10-31, HIGH_VOLATILITY, 0.9801587301587302",  // -23.6%, -215.9%, 93.5%, 753/756: (753/756 - 0.8) / 0.2
        "2012-06-29, SIDEWAYS,        0.04927248677248683", // +5.6% but slope -22.5%: price and slope disagree; 575/756 nearly high
    })
    void marketRegimeOfSpyMatchesNumpy(LocalDate day, MarketRegime regime, double confidence) {
        List<String> stocks = List.of("AAPL", "XOM");

        RegimeCall call = new MarketRegimeStrategy().evaluate(context(day, stocks, Map.of("benchmark", "SPY"))).regime().orElseThrow();

        assertThat(call.regime()).isEqualTo(regime);
        assertThat(call.confidence()).isCloseTo(confidence, within(1e-9));
    }
}
