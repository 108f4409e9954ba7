package io.ballast.platform.quant.estimate;

import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.prices.ReturnSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule every estimator here shares: a mean, variance or covariance needs at least two
 * returns of each asset, and a covariance at least two periods in which both assets of a pair
 * have one. Breaking it is bad input (too short a history, or assets that never overlap), so it
 * is reported under the field {@code prices} with the assets named.
 */
final class ObservationRequirement {

    static final String FIELD = "prices";
    private static final int NAMED_AT_MOST = 5;

    private ObservationRequirement() {
    }

    /** Returns each asset's count of returns, or throws naming the assets with fewer than two. */
    static int[] requireTwoPerAsset(ReturnSeries returns) {
        int[] counts = new int[returns.assetCount()];
        for (int p = 0; p < returns.periodCount(); p++) {
            for (int a = 0; a < counts.length; a++) {
                if (!Double.isNaN(returns.returnAt(p, a))) {
                    counts[a]++;
                }
            }
        }
        List<String> tooFew = new ArrayList<>();
        for (int a = 0; a < counts.length; a++) {
            if (counts[a] < 2) {
                tooFew.add(returns.assets().get(a) + " (" + counts[a] + ")");
            }
        }
        if (!tooFew.isEmpty()) {
            throw new InvalidInputException(FIELD, (tooFew.size() == 1 ? "asset " : "assets ") + named(tooFew)
                    + (tooFew.size() == 1 ? " has" : " have") + " fewer than two returns; at least two are needed");
        }
        return counts;
    }

    /** Throws naming the pairs of assets that share fewer than two periods with returns of both. */
    static void requireTwoPerPair(ReturnSeries returns, double[][] commonPeriods) {
        List<String> tooFew = new ArrayList<>();
        for (int i = 0; i < commonPeriods.length; i++) {
            for (int j = i + 1; j < commonPeriods.length; j++) {
                if (commonPeriods[i][j] < 2) {
                    tooFew.add(returns.assets().get(i) + " and " + returns.assets().get(j) + " (" + (int) commonPeriods[i][j] + ")");
                }
            }
        }
        if (!tooFew.isEmpty()) {
            throw new InvalidInputException(FIELD, (tooFew.size() == 1 ? "assets " : "the pairs of assets ") + named(tooFew)
                    + (tooFew.size() == 1 ? " share" : " each share") + " fewer than two periods with returns of both;"
                    + " a covariance needs at least two");
        }
    }

    private static String named(List<String> items) {
        if (items.size() <= NAMED_AT_MOST) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, NAMED_AT_MOST)) + " and " + (items.size() - NAMED_AT_MOST) + " more";
    }
}
