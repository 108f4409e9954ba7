package io.ballast.platform.quant.performance;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BrinsonAttributionTest {

    private static final Offset<Double> EXACT = within(1e-15);

    /**
     * Carl Bacon, Practical Portfolio Performance Measurement and Attribution, 2nd ed. (Wiley, 2008),
     * Table 5.2, the Brinson-Hood-Beebower example, as its figures are reproduced in the tests of the R
     * package PortfolioAttribution (github.com/anandkkumar/PortfolioAttribution,
     * tests/testthat/test_BHB_BF.R, "BHB Example in Table 5.2"):
     * <pre>
     *                     w_p   w_b   r_p    r_b   allocation  selection  interaction
     *   UK equities       40%   40%   20%    10%    0.0%        4.0%        0.0%
     *   Japanese equities 30%   20%   -5%    -4%   -0.4%       -0.2%       -0.1%
     *   US equities       30%   40%    6%     8%   -0.8%       -0.8%        0.2%
     *   total                         8.3%   6.4%  -1.2%        3.0%        0.1%   = 1.9% active
     * </pre>
     */
    @Test
    void reproducesBaconTableFivePointTwo() {
        BrinsonAttribution attribution = BrinsonAttribution.of(List.of(
                new BrinsonSegment("UK equities", 0.40, 0.40, 0.20, 0.10),
                new BrinsonSegment("Japanese equities", 0.30, 0.20, -0.05, -0.04),
                new BrinsonSegment("US equities", 0.30, 0.40, 0.06, 0.08)));

        assertThat(attribution.portfolioReturn()).isCloseTo(0.083, EXACT);
        assertThat(attribution.benchmarkReturn()).isCloseTo(0.064, EXACT);
        assertThat(attribution.activeReturn()).isCloseTo(0.019, EXACT);
        assertThat(attribution.allocationEffect()).isCloseTo(-0.012, EXACT);
        assertThat(attribution.selectionEffect()).isCloseTo(0.030, EXACT);
        assertThat(attribution.interactionEffect()).isCloseTo(0.001, EXACT);
        assertSegment(attribution.segments().get(0), "UK equities", 0.0, 0.04, 0.0);
        assertSegment(attribution.segments().get(1), "Japanese equities", -0.004, -0.002, -0.001);
        assertSegment(attribution.segments().get(2), "US equities", -0.008, -0.008, 0.002);
        assertThat(attribution.allocationEffect() + attribution.selectionEffect() + attribution.interactionEffect())
                .isCloseTo(attribution.activeReturn(), EXACT);
    }

    @Test
    void refusesWeightsThatDoNotSumToOneAndRepeatedSegments() {
        assertRejected(() -> BrinsonAttribution.of(List.of(new BrinsonSegment("A", 0.5, 1, 0.1, 0.1))), "segments",
                "portfolioWeights must sum to 1, they sum to 0.5");
        assertRejected(() -> BrinsonAttribution.of(List.of(new BrinsonSegment("A", 0.5, 0.5, 0, 0), new BrinsonSegment("A", 0.5, 0.5, 0, 0))),
                "segments", "segment 'A' is listed twice");
        assertRejected(() -> new BrinsonSegment("A", Double.NaN, 1, 0, 0), "segments", "segment 'A' has a weight or return that is not a finite number");
        assertRejected(() -> BrinsonAttribution.of(List.of()), "segments", "at least one segment");
    }

    private static void assertSegment(SegmentAttribution segment, String name, double allocation, double selection, double interaction) {
        assertThat(segment.segment()).isEqualTo(name);
        assertThat(segment.allocationEffect()).isCloseTo(allocation, EXACT);
        assertThat(segment.selectionEffect()).isCloseTo(selection, EXACT);
        assertThat(segment.interactionEffect()).isCloseTo(interaction, EXACT);
        assertThat(segment.totalEffect()).isCloseTo(allocation + selection + interaction, EXACT);
    }
}
