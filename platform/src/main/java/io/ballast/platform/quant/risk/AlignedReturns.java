package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;
import java.util.stream.IntStream;

/**
 * A return series and its benchmark's over the same periods, kept only where both have a return:
 * the pairs that benchmark-relative measures (beta, tracking error, information ratio) use. Both
 * inputs are periodic simple returns aligned by position, {@code NaN} for missing.
 */
public final class AlignedReturns {

    private final double[] returns;
    private final double[] benchmarkReturns;

    private AlignedReturns(double[] returns, double[] benchmarkReturns) {
        this.returns = returns;
        this.benchmarkReturns = benchmarkReturns;
    }

    /** At least two periods must have both returns. */
    public static AlignedReturns of(double[] returns, double[] benchmarkReturns) {
        if (returns == null) {
            throw new InvalidInputException("returns", "is missing");
        }
        if (benchmarkReturns == null || benchmarkReturns.length != returns.length) {
            throw new InvalidInputException("benchmarkReturns", "must give one return per period (" + returns.length + "), got "
                    + (benchmarkReturns == null ? "none" : benchmarkReturns.length));
        }
        int[] both = IntStream.range(0, returns.length)
                .filter(t -> !Double.isNaN(returns[t]) && !Double.isNaN(benchmarkReturns[t]))
                .toArray();
        for (int t : both) {
            if (Double.isInfinite(returns[t])) {
                throw new InvalidInputException("returns", "period " + t + " is infinite");
            }
            if (Double.isInfinite(benchmarkReturns[t])) {
                throw new InvalidInputException("benchmarkReturns", "period " + t + " is infinite");
            }
        }
        if (both.length < 2) {
            throw new InvalidInputException("benchmarkReturns", "needs at least two periods where both the series and the benchmark"
                    + " have a return, got " + both.length);
        }
        return new AlignedReturns(
                IntStream.of(both).mapToDouble(t -> returns[t]).toArray(),
                IntStream.of(both).mapToDouble(t -> benchmarkReturns[t]).toArray());
    }

    public double[] returns() {
        return returns.clone();
    }

    public double[] benchmarkReturns() {
        return benchmarkReturns.clone();
    }

    /** {@code r_t - b_t}, period by period. */
    public double[] activeReturns() {
        return IntStream.range(0, returns.length).mapToDouble(t -> returns[t] - benchmarkReturns[t]).toArray();
    }

    public int count() {
        return returns.length;
    }
}
