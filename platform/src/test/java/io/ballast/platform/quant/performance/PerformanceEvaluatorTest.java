package io.ballast.platform.quant.performance;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.quant.GeneratedSeries;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PerformanceEvaluatorTest {

    private static final Offset<Double> CLOSE = within(1e-12);
    private static final int N = 300;
    private static final double[] BENCHMARK = GeneratedSeries.benchmark(N);
    private static final double[] PORTFOLIO = portfolio();

    /**
     * Reference values from numpy, with the formulas of empyrical written out (not from this code):
     * <pre>
     * t = np.arange(300); w0 = wavy(t); b = benchmark(t); a = 0.9*b + 0.5*w0
     * ppy = 252; rf = 0.02; rfp = (1+rf)**(1/ppy) - 1
     * tot = np.prod(1+a) - 1; cagr = (1+tot)**(ppy/len(a)) - 1
     * w = np.cumprod(1+a); peak = np.maximum.accumulate(np.concatenate([[1], w]))[1:]; mdd = (w/peak - 1).min()
     * sharpe = (a-rfp).mean() / (a-rfp).std(ddof=1) * np.sqrt(ppy)
     * ddev = np.sqrt(np.mean(np.minimum(a, 0)**2)) * np.sqrt(ppy); sortino = a.mean()*ppy / ddev
     * beta = np.cov(a, b, ddof=1)[0,1] / np.var(b, ddof=1)
     * te = (a-b).std(ddof=1) * np.sqrt(ppy); ir = (a-b).mean()*ppy / te
     * treynor = (cagr - rf) / beta; alpha = (1 + np.mean((a-rfp) - beta*(b-rfp)))**ppy - 1
     * </pre>
     */
    @Test
    void everyStatisticAgainstNumpy() {
        PerformanceStatistics statistics = PerformanceEvaluator.evaluate(PORTFOLIO, BENCHMARK, new PerformanceSettings(252, 0.02, 0));

        assertThat(statistics.periodCount()).isEqualTo(300);
        assertThat(statistics.totalReturn()).isCloseTo(0.0473311707583266, CLOSE);
        assertThat(statistics.annualisedReturn()).isCloseTo(0.039610326114151606, CLOSE);
        assertThat(statistics.annualisedVolatility()).isCloseTo(0.10983549321748926, CLOSE);
        assertThat(statistics.sharpeRatio()).isCloseTo(0.22813009421686004, CLOSE);
        assertThat(statistics.annualDownsideDeviation()).isCloseTo(0.0760002695215046, CLOSE);
        assertThat(statistics.sortinoRatio()).isCloseTo(0.5902635224668439, CLOSE);
        assertThat(statistics.maximumDrawdownFraction()).isCloseTo(-0.052521087425942414, CLOSE);
        assertThat(statistics.calmarRatio()).isCloseTo(0.7541794744825936, CLOSE);
        assertThat(statistics.winRate()).isCloseTo(0.51, CLOSE);
        assertThat(statistics.profitFactor()).isCloseTo(1.0629327012635588, CLOSE);
        BenchmarkRelativeStatistics relative = statistics.benchmarkRelative();
        assertThat(relative.periodCount()).isEqualTo(300);
        assertThat(relative.beta()).isCloseTo(0.9126228870854918, CLOSE);
        assertThat(relative.annualTrackingError()).isCloseTo(0.06639628318993078, CLOSE);
        assertThat(relative.informationRatio()).isCloseTo(-0.7913317049113092, CLOSE);
        assertThat(relative.treynorRatio()).isCloseTo(0.021487874555478435, CLOSE);
        assertThat(relative.annualJensensAlpha()).isCloseTo(-0.044733888959074486, CLOSE);
        assertThat(statistics.unavailableMeasures()).isEmpty();
    }

    @Test
    void withoutABenchmarkThereAreNoRelativeStatistics() {
        PerformanceStatistics statistics = PerformanceEvaluator.evaluate(PORTFOLIO, PerformanceSettings.defaults());

        assertThat(statistics.benchmarkRelative()).isNull();
        assertThat(statistics.periodsPerYear()).isEqualTo(252);
        assertThat(statistics.annualRiskFreeRate()).isZero();
    }

    @Test
    void missingReturnsAreLeftOut() {
        double[] withGaps = {0.1, Double.NaN, -0.05, 0.02, -0.03, Double.NaN, 0.04};

        PerformanceStatistics statistics = PerformanceEvaluator.evaluate(withGaps, new PerformanceSettings(12, 0, 0));

        // the five returns of ReturnStatisticsTest
        assertThat(statistics.periodCount()).isEqualTo(5);
        assertThat(statistics.totalReturn()).isCloseTo(0.07527992, within(1e-15));
        assertThat(statistics.winRate()).isEqualTo(0.6);
    }

    @Test
    void undefinedRatiosAreNullWithAReason() {
        double[] rising = {0.01, 0.02, 0.01};
        double[] flatBenchmark = {0.001, 0.001, 0.001};

        PerformanceStatistics statistics = PerformanceEvaluator.evaluate(rising, flatBenchmark, PerformanceSettings.defaults());

        assertThat(statistics.sortinoRatio()).isNull();
        assertThat(statistics.calmarRatio()).isNull();
        assertThat(statistics.profitFactor()).isNull();
        assertThat(statistics.benchmarkRelative().beta()).isNull();
        assertThat(statistics.benchmarkRelative().treynorRatio()).isNull();
        assertThat(statistics.benchmarkRelative().annualJensensAlpha()).isNull();
        assertThat(statistics.unavailableMeasures()).containsExactly(
                entry("sortinoRatio", "no period returned less than the target (downside deviation is 0)"),
                entry("calmarRatio", "the series never fell below a peak"),
                entry("profitFactor", "no period lost"),
                entry("benchmarkRelative.beta", "the benchmark does not move"),
                entry("benchmarkRelative.treynorRatio", "beta is 0 or undefined"),
                entry("benchmarkRelative.annualJensensAlpha", "beta is undefined (the benchmark does not move)"));
    }

    @Test
    void refusesBadSettingsAndSeries() {
        assertRejected(() -> new PerformanceSettings(0, 0, 0), "periodsPerYear", "at least 1");
        assertRejected(() -> new PerformanceSettings(252, -1, 0), "annualRiskFreeRate", "above -1, got -1.0");
        assertRejected(() -> new PerformanceSettings(252, 0, Double.NaN), "annualTargetReturn", "got NaN");
        assertRejected(() -> PerformanceEvaluator.evaluate(new double[] {0.01}, PerformanceSettings.defaults()), "returns",
                "at least 2 non-missing returns, got 1");
        assertRejected(() -> PerformanceEvaluator.evaluate(PORTFOLIO, new double[3], PerformanceSettings.defaults()),
                "benchmarkReturns", "one return per period (300), got 3");
    }

    private static double[] portfolio() {
        double[] wavy = GeneratedSeries.wavy(N);
        double[] portfolio = new double[N];
        for (int t = 0; t < N; t++) {
            portfolio[t] = 0.9 * BENCHMARK[t] + 0.5 * wavy[t];
        }
        return portfolio;
    }
}
