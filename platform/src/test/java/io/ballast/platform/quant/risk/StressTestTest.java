package io.ballast.platform.quant.risk;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StressTestTest {

    private static final List<String> ASSETS = List.of("SPY", "TLT", "GLD", "IDLE");
    private static final double[] WEIGHTS = {0.6, 0.3, 0.1, 0.0};

    @Test
    void portfolioPnlIsTheWeightedSumOfTheShocks() {
        // SPY -30%, TLT +10%, GLD unshocked: 0.6 * -0.3 + 0.3 * 0.1 + 0.1 * 0 = -0.18 + 0.03 = -0.15
        StressScenario crash = new StressScenario("equity crash", Map.of("SPY", -0.3, "TLT", 0.1, "IDLE", -1.0));

        StressTestResult result = StressTest.apply(ASSETS, WEIGHTS, crash);

        assertThat(result.scenario()).isEqualTo("equity crash");
        assertThat(result.portfolioPnlFraction()).isCloseTo(-0.15, within(1e-15));
        // held assets only, in asset order; the unshocked one contributes 0
        assertThat(result.pnlContributionByAsset()).containsExactly(entry("SPY", -0.18), entry("TLT", 0.03), entry("GLD", 0.0));
    }

    @Test
    void aShortGainsWhenItsAssetFalls() {
        StressTestResult result = StressTest.apply(List.of("A", "B"), new double[] {1.2, -0.2}, new StressScenario("fall", Map.of("B", -0.5)));

        assertThat(result.portfolioPnlFraction()).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void refusesAnAssetThePortfolioDoesNotList() {
        assertRejected(() -> StressTest.apply(ASSETS, WEIGHTS, new StressScenario("typo", Map.of("SPX", -0.2))), "stressScenarios",
                "scenario 'typo' shocks 'SPX', which the portfolio does not list");
    }

    @Test
    void refusesImpossibleOrEmptyScenarios() {
        assertRejected(() -> new StressScenario("worse than zero", Map.of("SPY", -1.5)), "stressScenarios",
                "shocks 'SPY' by -1.5; a shock must be a finite fraction of at least -1");
        assertRejected(() -> new StressScenario(" ", Map.of("SPY", -0.1)), "stressScenarios", "a scenario has no name");
        assertRejected(() -> new StressScenario("nothing", Map.of()), "stressScenarios", "scenario 'nothing' shocks no asset");
        Map<String, Double> missingValue = new HashMap<>();
        missingValue.put("SPY", null);
        assertRejected(() -> new StressScenario("null", missingValue), "stressScenarios", "shocks 'SPY' by null");
    }
}
