package io.ballast.platform.quant.performance;

import io.ballast.platform.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Single-period Brinson-Hood-Beebower attribution (Brinson, Hood and Beebower 1986; Bacon,
 * <i>Practical Portfolio Performance Measurement and Attribution</i>, 2nd ed., 2008, ch. 5) of the
 * active return {@code R_p - R_b}, with {@code R_p = sum_i w_p,i r_p,i} and
 * {@code R_b = sum_i w_b,i r_b,i}, into, per segment:
 * <pre>
 *   allocation  = (w_p,i - w_b,i) r_b,i
 *   selection   = w_b,i (r_p,i - r_b,i)
 *   interaction = (w_p,i - w_b,i)(r_p,i - r_b,i)
 * </pre>
 * which sum over all segments to exactly {@code R_p - R_b}. (Brinson-Fachler measures allocation
 * against {@code r_b,i - R_b} instead; the totals agree when both weight sets sum to 1, only the
 * split between segments differs.) Arithmetic, one period; linking periods is out of scope.
 *
 * @param segments each segment's effects, in input order
 * @param portfolioReturn {@code R_p}
 * @param benchmarkReturn {@code R_b}
 * @param activeReturn {@code R_p - R_b}
 * @param allocationEffect sum of the segments' allocation effects
 * @param selectionEffect sum of the segments' selection effects
 * @param interactionEffect sum of the segments' interaction effects
 */
public record BrinsonAttribution(List<SegmentAttribution> segments, double portfolioReturn, double benchmarkReturn,
        double activeReturn, double allocationEffect, double selectionEffect, double interactionEffect) {

    private static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    /** Segment names must be unique; each side's weights must sum to 1. */
    public static BrinsonAttribution of(List<BrinsonSegment> segments) {
        if (segments == null || segments.isEmpty()) {
            throw new InvalidInputException("segments", "must hold at least one segment");
        }
        Set<String> names = new HashSet<>();
        double portfolioWeights = 0;
        double benchmarkWeights = 0;
        for (BrinsonSegment segment : segments) {
            if (!names.add(segment.name())) {
                throw new InvalidInputException("segments", "segment '" + segment.name() + "' is listed twice");
            }
            portfolioWeights += segment.portfolioWeight();
            benchmarkWeights += segment.benchmarkWeight();
        }
        checkSumsToOne("portfolioWeight", portfolioWeights);
        checkSumsToOne("benchmarkWeight", benchmarkWeights);
        List<SegmentAttribution> effects = new ArrayList<>(segments.size());
        double portfolioReturn = 0;
        double benchmarkReturn = 0;
        double allocation = 0;
        double selection = 0;
        double interaction = 0;
        for (BrinsonSegment segment : segments) {
            double activeWeight = segment.portfolioWeight() - segment.benchmarkWeight();
            double segmentActiveReturn = segment.portfolioReturn() - segment.benchmarkReturn();
            double segmentAllocation = activeWeight * segment.benchmarkReturn();
            double segmentSelection = segment.benchmarkWeight() * segmentActiveReturn;
            double segmentInteraction = activeWeight * segmentActiveReturn;
            effects.add(new SegmentAttribution(segment.name(), segmentAllocation, segmentSelection, segmentInteraction,
                    segmentAllocation + segmentSelection + segmentInteraction));
            portfolioReturn += segment.portfolioWeight() * segment.portfolioReturn();
            benchmarkReturn += segment.benchmarkWeight() * segment.benchmarkReturn();
            allocation += segmentAllocation;
            selection += segmentSelection;
            interaction += segmentInteraction;
        }
        return new BrinsonAttribution(List.copyOf(effects), portfolioReturn, benchmarkReturn, portfolioReturn - benchmarkReturn,
                allocation, selection, interaction);
    }

    private static void checkSumsToOne(String field, double sum) {
        if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
            throw new InvalidInputException("segments", "the segments' " + field + "s must sum to 1, they sum to " + sum);
        }
    }
}
