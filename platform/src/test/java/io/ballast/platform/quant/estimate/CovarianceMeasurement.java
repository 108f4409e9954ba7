package io.ballast.platform.quant.estimate;

import io.ballast.platform.quant.prices.ReturnSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Timings of the sample covariance of 500 assets over 2,520 days, printed, never asserted: run by
 * hand with
 * {@code ./mvnw -B -o test -pl platform -Dtest=CovarianceMeasurement -Dballast.measure=true}.
 * The bar (issue 3) is within 2x of numpy on BLAS on the same machine, measured with
 * {@code np.cov(X, rowvar=False) * 252} on a 2,520 x 500 array.
 */
@EnabledIfSystemProperty(named = "ballast.measure", matches = "true")
class CovarianceMeasurement {

    private static final int ASSETS = 500;
    private static final int DAYS = 2520;
    private static final int WARM_UPS = 15;
    private static final int RUNS = 40;

    @Test
    void sampleCovarianceOf500AssetsOver2520Days() throws Exception {
        ReturnSeries complete = returns(false);
        ReturnSeries withGaps = returns(true);

        report("sample covariance n=500 t=2520 (no missing, both cores)", () -> SampleCovariance.annualised(complete, 252));
        ForkJoinPool oneCore = new ForkJoinPool(1);
        report("sample covariance n=500 t=2520 (no missing, one core)",
                () -> oneCore.submit(() -> SampleCovariance.annualised(complete, 252)).join());
        oneCore.shutdown();
        report("sample covariance n=500 t=2520 (50 assets listed late, pairwise)", () -> SampleCovariance.annualised(withGaps, 252));
        report("sample covariance and correlation n=500 t=2520 (no missing)",
                () -> PairwiseMoments.covarianceAndCorrelation(complete).correlation());
        report("market estimates n=500 t=2520 (defaults, with the positive semidefinite check)",
                () -> MarketEstimator.estimate(complete, EstimationSettings.defaults()));
        report("Commons Math BlockRealMatrix centred X^T X n=500 t=2520", () -> {
            double[][] centred = CentredReturns.of(complete).values();
            BlockRealMatrix x = new BlockRealMatrix(centred);
            return x.transpose().multiply(x).getData();
        });
    }

    private static void report(String name, Supplier<Object> work) {
        for (int i = 0; i < WARM_UPS; i++) {
            work.get();
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            nanos.add(System.nanoTime() - start);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%s: best %.1f ms, median %.1f ms%n", name, sorted[0] / 1e6, sorted[sorted.length / 2] / 1e6);
    }

    private static ReturnSeries returns(boolean lateListings) {
        Random random = new Random(20240101);
        double[][] rows = new double[DAYS][ASSETS];
        for (int p = 0; p < DAYS; p++) {
            double market = random.nextGaussian() * 0.01;
            for (int a = 0; a < ASSETS; a++) {
                boolean listed = !lateListings || a % 10 != 0 || p >= 500;
                rows[p][a] = listed ? market + random.nextGaussian() * 0.015 : Double.NaN;
            }
        }
        List<String> assets = new ArrayList<>();
        for (int a = 0; a < ASSETS; a++) {
            assets.add("A" + a);
        }
        return new ReturnSeries(ReturnTables.days(1, DAYS), assets, rows);
    }

}
