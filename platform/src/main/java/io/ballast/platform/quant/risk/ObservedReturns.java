package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;
import java.util.Arrays;

/**
 * The non-missing values of one periodic return series, in period order: a {@code NaN} (missing)
 * period is dropped, not filled, so statistics run over the periods that were observed.
 */
public final class ObservedReturns {

    private final double[] values;

    private ObservedReturns(double[] values) {
        this.values = values;
    }

    /**
     * @param field the name of the series in messages, e.g. {@code returns}
     * @param minimumCount how many observed periods the caller's statistic needs
     */
    public static ObservedReturns of(double[] returns, String field, int minimumCount) {
        if (returns == null) {
            throw new InvalidInputException(field, "is missing");
        }
        for (double r : returns) {
            if (Double.isInfinite(r)) {
                throw new InvalidInputException(field, "holds an infinite return");
            }
        }
        double[] observed = Arrays.stream(returns).filter(r -> !Double.isNaN(r)).toArray();
        if (observed.length < minimumCount) {
            throw new InvalidInputException(field, "needs at least " + minimumCount + " non-missing returns, got " + observed.length);
        }
        return new ObservedReturns(observed);
    }

    public double[] values() {
        return values.clone();
    }

    public int count() {
        return values.length;
    }
}
