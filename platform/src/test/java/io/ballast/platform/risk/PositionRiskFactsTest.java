package io.ballast.platform.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.portfolio.HoldingValuation;
import io.ballast.api.portfolio.PortfolioValuation;
import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.RiskAction;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionRiskFactsTest {

    private static final Instant AT = Instant.parse("2025-12-31T00:00:00Z");

    @Test
    void eachPricedHoldingBecomesAFactWithTheValuationsOwnFraction() {
        // bought at 100, now 92: the valuation's exact fraction is -0.0800000000
        PortfolioValuation valuation = new PortfolioValuation("p-1", "Core", "USD", new BigDecimal("1000.00"),
                new BigDecimal("1920.00"), AT, List.of(
                        new HoldingValuation("AAA", new BigDecimal("10"), new BigDecimal("100"), new BigDecimal("92"), AT,
                                new BigDecimal("920.00"), new BigDecimal("0.4791666667"), new BigDecimal("-80.00"),
                                new BigDecimal("-0.0800000000")),
                        new HoldingValuation("NEW", new BigDecimal("5"), new BigDecimal("3"), null, null, null, null, null, null)));

        List<PositionRisk> facts = PositionRiskFacts.of(valuation);

        assertThat(facts).containsExactly(new PositionRisk("p-1", "AAA", PositionRisk.UNCLASSIFIED_SECTOR, 10, 100, 92, -0.08, 100, 0.4791666667, 1, null));
        assertThat(RiskEngine.load(Path.of("..", "rules")).evaluate(RiskFacts.ofPositions(facts)).decisions())
                // the 48% weight also trips the concentration rules; the stop-loss is what this test is about
                .filteredOn(decision -> decision.rule().equals("hard stop-loss"))
                .singleElement()
                .satisfies(decision -> assertThat(decision.action()).isEqualTo(RiskAction.EXIT));
    }

    @Test
    void aFactFromPricesAgreesWithTheValuationsRounding() {
        // 1/3 loss: -0.3333333333 at 10 decimals, half-even
        assertThat(PositionRisk.ofPrices("p", "X", 3, 3, 2).unrealisedPnlFraction()).isEqualTo(-0.3333333333);
        // a short whose price rose from 100 to 108 has lost 8%
        assertThat(PositionRisk.ofPrices("p", "S", -5, 100, 108).unrealisedPnlFraction()).isEqualTo(-0.08);
        assertThat(PositionRisk.ofPrices("p", "Z", 0, 100, 50).unrealisedPnlFraction()).isZero();
    }
}
