package io.ballast.api.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.optimizer.InvestorView;
import io.ballast.api.portfolio.HoldingValuation;
import io.ballast.api.portfolio.PortfolioValuation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StrategyValuesTest {

    private static final LocalDate DAY = LocalDate.parse("2024-03-04");
    private static final PriceHistory PRICES = new PriceHistory(List.of(DAY), Map.of("AAA", new double[] {10}, "BBB", new double[] {20}));

    @Test
    void theContextGivesThePortfoliosWeightsOfPricedHoldings() {
        PortfolioValuation valuation = new PortfolioValuation("p-1", "Core", "USD", new BigDecimal("250"), new BigDecimal("1000"),
                Instant.EPOCH, List.of(
                        new HoldingValuation("AAA", BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, Instant.EPOCH, new BigDecimal("750"),
                                new BigDecimal("0.75"), BigDecimal.ZERO, BigDecimal.ZERO),
                        new HoldingValuation("NEW", BigDecimal.ONE, BigDecimal.ONE, null, null, null, null, null, null)));

        StrategyContext context = new StrategyContext(DAY, List.of("AAA", "BBB"), PRICES, 252, Optional.of(valuation), Map.of());

        assertThat(context.currentWeights()).containsExactly(Map.entry("AAA", 0.75));
        assertThat(new StrategyContext(DAY, List.of("AAA"), PRICES, 365, Optional.empty(), Map.of()).currentWeights()).isEmpty();
    }

    @Test
    void aContextThatCouldMisleadAStrategyIsRefused() {
        assertThatThrownBy(() -> new StrategyContext(DAY.minusDays(1), List.of("AAA"), PRICES, 252, Optional.empty(), Map.of()))
                .hasMessage("the price history runs to 2024-03-04, after asOf 2024-03-03: a strategy must not see the future");
        assertThatThrownBy(() -> new StrategyContext(DAY, List.of("CCC"), PRICES, 252, Optional.empty(), Map.of()))
                .hasMessage("universe asset CCC has no column in the price history");
        assertThatThrownBy(() -> new StrategyContext(DAY, List.of(), PRICES, 252, Optional.empty(), Map.of()))
                .hasMessage("universe must not be empty");
        assertThatThrownBy(() -> new StrategyContext(DAY, List.of("AAA"), PRICES, 0, Optional.empty(), Map.of()))
                .hasMessage("periodsPerYear must be between 1 and 366, got 0");
    }

    @Test
    void strengthsTiltsAndConfidencesStayInTheirRanges() {
        assertThatThrownBy(() -> new Signal("AAA", 1.5, 0.5, "")).hasMessage("signal strength of AAA must be in [-1, 1]: 1.5");
        assertThatThrownBy(() -> new Signal("AAA", 0.5, -0.1, "")).hasMessage("signal confidence of AAA must be in [0, 1]: -0.1");
        assertThatThrownBy(() -> new Signal("AAA", Double.NaN, 0.5, "")).hasMessage("signal strength of AAA must be in [-1, 1]: NaN");
        assertThatThrownBy(() -> new WeightTilt("AAA", -1.01, 1)).hasMessage("weight tilt of AAA must be in [-1, 1]: -1.01");
        assertThatThrownBy(() -> new WeightTilt("AAA", 0.02, 2)).hasMessage("tilt confidence of AAA must be in [0, 1]: 2.0");
        assertThatThrownBy(() -> new RegimeCall(MarketRegime.BEAR, 1.2, "")).hasMessage("regime confidence must be in [0, 1]: 1.2");
        assertThat(new Signal("AAA", -1, 0, "").strength()).isEqualTo(-1);
    }

    @Test
    void anOutputSaysOneThingPerAssetAndEveryViewHasAConfidence() {
        InvestorView sure = InvestorView.absolute("AAA", 0.08, OptionalDouble.of(0.6));
        InvestorView unsure = InvestorView.absolute("BBB", 0.05, OptionalDouble.empty());

        assertThat(StrategyOutput.ofViews(List.of(sure)).views()).containsExactly(sure);
        assertThatThrownBy(() -> StrategyOutput.ofViews(List.of(sure, unsure)))
                .hasMessage("views[1] has no confidence; a strategy's view must say how sure it is (0 to 1)");
        assertThatThrownBy(() -> StrategyOutput.ofSignals(List.of(new Signal("AAA", 1, 1, ""), new Signal("AAA", -1, 1, ""))))
                .hasMessage("signals name an asset more than once: [AAA, AAA]");
        assertThatThrownBy(() -> StrategyOutput.ofTilts(List.of(new WeightTilt("B", 0.1, 1), new WeightTilt("B", 0.1, 1))))
                .hasMessage("tilts name an asset more than once: [B, B]");
        assertThat(StrategyOutput.ofRegime(new RegimeCall(MarketRegime.HIGH_VOLATILITY, 0.9, "")).regime())
                .hasValueSatisfying(call -> assertThat(call.regime()).isEqualTo(MarketRegime.HIGH_VOLATILITY));
        assertThat(StrategyOutput.none().signals()).isEmpty();
    }
}
