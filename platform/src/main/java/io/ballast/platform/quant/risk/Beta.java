package io.ballast.platform.quant.risk;

import java.util.OptionalDouble;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * Beta of a return series against a benchmark: {@code cov(r, b) / var(b)} over the periods where
 * both have a return (sample estimates; the n - 1 cancels). A constant risk-free rate subtracted
 * from both, as empyrical does, would not change it. Empty when the benchmark never moves.
 */
public final class Beta {

    private Beta() {
    }

    public static OptionalDouble of(double[] returns, double[] benchmarkReturns) {
        return of(AlignedReturns.of(returns, benchmarkReturns));
    }

    public static OptionalDouble of(AlignedReturns aligned) {
        double[] benchmark = aligned.benchmarkReturns();
        double benchmarkVariance = new Variance(true).evaluate(benchmark);
        if (benchmarkVariance == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(new Covariance().covariance(aligned.returns(), benchmark, true) / benchmarkVariance);
    }
}
