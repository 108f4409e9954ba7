package io.ballast.platform.quant.risk.report;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ballast.platform.quant.performance.BenchmarkRelativeStatistics;
import io.ballast.platform.quant.performance.PerformanceStatistics;
import io.ballast.platform.quant.risk.HistoricalReplayResult;
import io.ballast.platform.quant.risk.HistoricalWindow;
import io.ballast.platform.quant.risk.RiskContribution;
import io.ballast.platform.quant.risk.StressScenario;
import io.ballast.platform.quant.risk.TailRiskMethod;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PortfolioRiskReporterTest {

    private static final Offset<Double> CLOSE = within(1e-12);
    private static final Offset<Double> RATIO = within(1e-10);
    private static final List<String> ASSETS = List.of("AAPL", "FB", "XOM", "GOOG");
    // GOOG is listed but not held
    private static final double[] WEIGHTS = {0.4, 0.3, 0.3, 0.0};
    private static final SharedCloses STOCKS = SharedCloses.read("stock_prices.csv");
    private static final double[][] RETURNS = STOCKS.returns(ASSETS);
    private static final List<LocalDate> PERIOD_DATES = STOCKS.periodDates();
    private static final double[] SPY = SharedCloses.read("spy_prices.csv")
            .returnsOn("SPY", STOCKS.dates().subList(0, STOCKS.dates().size() - 1), PERIOD_DATES);

    /**
     * References from numpy/scipy on the same CSVs (python's csv module, no Java involved):
     * <pre>
     * R = column_stack(p[a][1:] / p[a][:-1] - 1 for a in assets)          # NaN where a close is missing
     * idx = rows where AAPL, FB, XOM all have returns; X = R[idx][:, :3]; rp = X @ [0.4, 0.3, 0.3]
     * sd = rp.std(ddof=1); mu = rp.mean(); S, K = stats.skew(rp, bias=False), stats.kurtosis(rp, bias=False)
     * normal: -(mu - z sd), -(mu - sd pdf(z) / (1-c)); Cornish-Fisher: zcf as in CornishFisherTailLossTest, ES by quad
     * historical: v = np.quantile(-rp, c); (-rp)[(-rp) >= v].mean()
     * C = np.cov(X, rowvar=False) * 252; DR = w @ sqrt(diag C) / sqrt(w C w); contributions w * (C w) / sqrt(w C w)
     * performance as in PerformanceEvaluatorTest with rf = 0.02; SPY returns matched by date
     * replay 2018-01-29..2018-02-08: prod(1 + r) - 1 per asset over the window's periods
     * </pre>
     */
    @Test
    void onSharedStockPricesAgainstNumpy() {
        RiskReportSettings settings = RiskReportSettings.defaults()
                .withAnnualRiskFreeRate(0.02)
                .withMonteCarlo(200_000, 2024L)
                .withBenchmarkReturns(SPY)
                .withStressScenarios(List.of(new StressScenario("tech sell-off", Map.of("AAPL", -0.2, "FB", -0.25, "GOOG", -0.2))))
                .withHistoricalWindows(List.of(new HistoricalWindow("Feb 2018", LocalDate.parse("2018-01-29"), LocalDate.parse("2018-02-08"))));

        PortfolioRiskReport report = PortfolioRiskReporter.report(ASSETS, PERIOD_DATES, RETURNS, WEIGHTS, settings);

        assertThat(report.assets()).isEqualTo(ASSETS);
        assertThat(report.periodCount()).isEqualTo(7125);
        // FB listed on 2012-05-18: its first return is on the 21st
        assertThat(report.analysedPeriodCount()).isEqualTo(1482);
        assertThat(report.firstAnalysedPeriod()).isEqualTo(LocalDate.parse("2012-05-21"));
        assertThat(report.lastAnalysedPeriod()).isEqualTo(LocalDate.parse("2018-04-11"));
        assertThat(report.periodicVolatility()).isCloseTo(0.011724142391685111, CLOSE);
        assertThat(report.annualVolatility()).isCloseTo(0.18611499062345296, CLOSE);
        assertTail(report, TailRiskMethod.PARAMETRIC_NORMAL, 0.95, 0.018485820126209453, 0.023384860658720315);
        assertTail(report, TailRiskMethod.PARAMETRIC_NORMAL, 0.99, 0.026475755718199448, 0.030448673014028933);
        assertTail(report, TailRiskMethod.CORNISH_FISHER, 0.95, 0.016881724547760428, 0.027853411713746803);
        assertTail(report, TailRiskMethod.CORNISH_FISHER, 0.99, 0.03405874033020208, 0.04771825710139293);
        assertTail(report, TailRiskMethod.HISTORICAL, 0.95, 0.01902988683143675, 0.025545996578630763);
        assertTail(report, TailRiskMethod.HISTORICAL, 0.99, 0.02935574668856923, 0.036282722836351686);
        // Monte Carlo estimates the normal: 200,000 paths put the 99% quantile within about 0.4% (one standard error)
        for (double confidence : List.of(0.95, 0.99)) {
            TailRiskEstimate normal = estimate(report, TailRiskMethod.PARAMETRIC_NORMAL, confidence);
            TailRiskEstimate monteCarlo = estimate(report, TailRiskMethod.MONTE_CARLO, confidence);
            assertThat(monteCarlo.valueAtRiskFraction()).isCloseTo(normal.valueAtRiskFraction(), within(0.015 * normal.valueAtRiskFraction()));
            assertThat(monteCarlo.expectedShortfallFraction())
                    .isCloseTo(normal.expectedShortfallFraction(), within(0.015 * normal.expectedShortfallFraction()));
        }
        assertThat(report.monteCarloPaths()).isEqualTo(200_000);
        assertThat(report.monteCarloSeed()).isEqualTo(2024L);
        assertThat(report.maximumDrawdownFraction()).isCloseTo(-0.17936453607815817, CLOSE);
        // 0.4^2 + 0.3^2 + 0.3^2 = 0.34
        assertThat(report.herfindahlIndex()).isCloseTo(0.34, CLOSE);
        assertThat(report.effectiveNumberOfAssets()).isCloseTo(1 / 0.34, RATIO);
        assertThat(report.diversificationRatio()).isCloseTo(1.4098932170435228, RATIO);
        assertThat(report.riskContributions()).extracting(RiskContribution::asset).containsExactly("AAPL", "FB", "XOM");
        assertContribution(report.riskContributions().get(0), 0.18498703375774203, 0.07399481350309682, 0.3975757850306793);
        assertContribution(report.riskContributions().get(1), 0.2841210696330978, 0.08523632088992934, 0.45797665520870967);
        assertContribution(report.riskContributions().get(2), 0.08961285410142272, 0.026883856230426818, 0.14444755976061124);

        PerformanceStatistics performance = report.performance();
        assertThat(performance.totalReturn()).isCloseTo(1.949627904614052, RATIO);
        assertThat(performance.annualisedReturn()).isCloseTo(0.2019307564364079, CLOSE);
        assertThat(performance.sharpeRatio()).isCloseTo(0.9750071847712163, RATIO);
        assertThat(performance.annualDownsideDeviation()).isCloseTo(0.12471555218274262, CLOSE);
        assertThat(performance.sortinoRatio()).isCloseTo(1.6138072189803123, RATIO);
        assertThat(performance.calmarRatio()).isCloseTo(1.1258120521016288, RATIO);
        assertThat(performance.winRate()).isCloseTo(0.5425101214574899, CLOSE);
        assertThat(performance.profitFactor()).isCloseTo(1.2039485101541996, RATIO);
        BenchmarkRelativeStatistics relative = performance.benchmarkRelative();
        assertThat(relative.periodCount()).isEqualTo(1482);
        assertThat(relative.beta()).isCloseTo(1.00282070278394, RATIO);
        assertThat(relative.annualTrackingError()).isCloseTo(0.13713775163705857, CLOSE);
        assertThat(relative.informationRatio()).isCloseTo(0.3790650690333954, RATIO);
        assertThat(relative.treynorRatio()).isCloseTo(0.18141902728109643, RATIO);
        assertThat(relative.annualJensensAlpha()).isCloseTo(0.05296882055078611, RATIO);

        // 0.4 * -0.2 + 0.3 * -0.25 + 0.3 * 0 = -0.155
        assertThat(report.stressTests()).singleElement().satisfies(stress -> {
            assertThat(stress.portfolioPnlFraction()).isCloseTo(-0.155, CLOSE);
            assertThat(stress.pnlContributionByAsset()).containsOnlyKeys("AAPL", "FB", "XOM");
        });
        HistoricalReplayResult replay = report.historicalReplays().getFirst();
        assertThat(replay.periodCount()).isEqualTo(9);
        assertThat(replay.cumulativeReturnByAsset().get("AAPL")).isCloseTo(-0.09538799634464634, CLOSE);
        assertThat(replay.cumulativeReturnByAsset().get("FB")).isCloseTo(-0.09694735789473685, CLOSE);
        assertThat(replay.cumulativeReturnByAsset().get("XOM")).isCloseTo(-0.14528088197383937, CLOSE);
        assertThat(replay.portfolioPnlFraction()).isCloseTo(-0.1108236704984314, CLOSE);
        assertThat(replay.worstPeriodDate()).isEqualTo(LocalDate.parse("2018-02-05"));
        assertThat(replay.worstPeriodReturn()).isCloseTo(-0.041285761050968525, CLOSE);
        assertThat(report.unavailableMeasures()).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameReport() {
        PortfolioRiskReport first = PortfolioRiskReporter.report(ASSETS, PERIOD_DATES, RETURNS, WEIGHTS, RiskReportSettings.defaults());
        PortfolioRiskReport again = PortfolioRiskReporter.report(ASSETS, PERIOD_DATES, RETURNS, WEIGHTS, RiskReportSettings.defaults());
        PortfolioRiskReport reseeded = PortfolioRiskReporter.report(ASSETS, PERIOD_DATES, RETURNS, WEIGHTS,
                RiskReportSettings.defaults().withMonteCarlo(RiskReportSettings.DEFAULT_MONTE_CARLO_PATHS, 43L));

        assertThat(again).isEqualTo(first);
        assertThat(estimate(reseeded, TailRiskMethod.MONTE_CARLO, 0.99)).isNotEqualTo(estimate(first, TailRiskMethod.MONTE_CARLO, 0.99));
        assertThat(estimate(reseeded, TailRiskMethod.HISTORICAL, 0.99)).isEqualTo(estimate(first, TailRiskMethod.HISTORICAL, 0.99));
        // defaults: 0.95 and 0.99 for each of the four methods, 10,000 paths
        assertThat(first.tailRisk()).hasSize(8);
        assertThat(first.monteCarloPaths()).isEqualTo(10_000);
        assertThat(first.performance().benchmarkRelative()).isNull();
    }

    @Test
    void measuresThatCannotBeComputedAreNullWithAReason() throws Exception {
        // three periods of a riskless holding: no volatility, too few periods for the kurtosis
        List<LocalDate> dates = List.of(LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-04"));
        double[][] flat = {{0.001}, {0.001}, {0.001}};

        PortfolioRiskReport report = PortfolioRiskReporter.report(List.of("CASH"), dates, flat, new double[] {1}, RiskReportSettings.defaults());

        assertThat(report.annualVolatility()).isZero();
        assertThat(report.diversificationRatio()).isNull();
        assertThat(report.riskContributions()).isEmpty();
        assertThat(estimate(report, TailRiskMethod.CORNISH_FISHER, 0.95).valueAtRiskFraction()).isNull();
        // every method agrees a riskless 0.1% a period loses -0.1%
        assertThat(estimate(report, TailRiskMethod.PARAMETRIC_NORMAL, 0.99).valueAtRiskFraction()).isCloseTo(-0.001, CLOSE);
        assertThat(estimate(report, TailRiskMethod.HISTORICAL, 0.99).valueAtRiskFraction()).isCloseTo(-0.001, CLOSE);
        assertThat(estimate(report, TailRiskMethod.MONTE_CARLO, 0.99).valueAtRiskFraction()).isCloseTo(-0.001, CLOSE);
        assertThat(report.performance().sharpeRatio()).isNull();
        assertThat(report.unavailableMeasures()).containsOnly(
                entry("diversificationRatio", "the portfolio's returns do not vary (volatility is 0)"),
                entry("riskContributions", "the portfolio's returns do not vary (volatility is 0)"),
                entry("tailRisk.CORNISH_FISHER", "needs at least 4 analysed periods for the excess kurtosis, got 3"),
                entry("performance.sharpeRatio", "the returns do not vary (volatility is 0)"),
                entry("performance.sortinoRatio", "no period returned less than the target (downside deviation is 0)"),
                entry("performance.calmarRatio", "the series never fell below a peak"),
                entry("performance.profitFactor", "no period lost"));

        JsonNode json = jsonMapper().readTree(jsonMapper().writeValueAsString(report));
        assertThat(json.get("diversificationRatio").isNull()).isTrue();
        assertThat(json.get("firstAnalysedPeriod").asText()).isEqualTo("2024-01-02");
        assertThat(json.get("unavailableMeasures").get("performance.sharpeRatio").asText()).contains("volatility is 0");
    }

    @Test
    void jacksonWritesTheReportWithoutNaN() throws Exception {
        PortfolioRiskReport report = PortfolioRiskReporter.report(ASSETS, PERIOD_DATES, RETURNS, WEIGHTS,
                RiskReportSettings.defaults().withBenchmarkReturns(SPY));

        String text = jsonMapper().writeValueAsString(report);
        JsonNode json = jsonMapper().readTree(text);

        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(json.get("tailRisk").get(0).get("method").asText()).isEqualTo("PARAMETRIC_NORMAL");
        assertThat(json.get("tailRisk").get(0).get("valueAtRiskFraction").asDouble()).isPositive();
        assertThat(json.get("riskContributions").get(1).get("asset").asText()).isEqualTo("FB");
        assertThat(json.get("performance").get("benchmarkRelative").get("beta").asDouble()).isCloseTo(1.0028, within(1e-4));
        assertThat(json.get("lastAnalysedPeriod").asText()).isEqualTo("2018-04-11");
    }

    @Test
    void refusesBadInputNamingTheField() {
        RiskReportSettings defaults = RiskReportSettings.defaults();
        assertRejected(() -> PortfolioRiskReporter.report(ASSETS, PERIOD_DATES, RETURNS, new double[] {0.4, 0.3, 0.2, 0}, defaults),
                "weights", "must sum to 1, they sum to 0.9");
        assertRejected(() -> PortfolioRiskReporter.report(ASSETS, PERIOD_DATES.subList(1, PERIOD_DATES.size()), RETURNS, WEIGHTS, defaults),
                "periodDates", "one date per period (7125), got 7124");
        assertRejected(() -> PortfolioRiskReporter.report(ASSETS, PERIOD_DATES, RETURNS, WEIGHTS,
                defaults.withBenchmarkReturns(new double[] {0.01, 0.02})), "benchmarkReturns", "one return per period (7125), got 2");
        assertRejected(() -> defaults.withConfidences(List.of(0.95, 1.0)), "confidences", "strictly between 0 and 1, got 1.0");
        assertRejected(() -> defaults.withConfidences(List.of(0.99, 0.99)), "confidences", "twice");
        assertRejected(() -> defaults.withConfidences(List.of()), "confidences", "at least one");
        assertRejected(() -> defaults.withMonteCarlo(0, 1L), "monteCarloPaths", "got 0");
        assertRejected(() -> defaults.withPeriodsPerYear(0), "periodsPerYear", "at least 1");
        assertRejected(() -> defaults.withAnnualRiskFreeRate(Double.POSITIVE_INFINITY), "annualRiskFreeRate", "finite");
        assertRejected(() -> PortfolioRiskReporter.report(ASSETS, PERIOD_DATES, RETURNS, WEIGHTS,
                        defaults.withStressScenarios(List.of(new StressScenario("typo", Map.of("APPL", -0.1))))),
                "stressScenarios", "shocks 'APPL', which the portfolio does not list");
    }

    private static void assertTail(PortfolioRiskReport report, TailRiskMethod method, double confidence, double valueAtRisk,
            double expectedShortfall) {
        TailRiskEstimate estimate = estimate(report, method, confidence);
        assertThat(estimate.valueAtRiskFraction()).isCloseTo(valueAtRisk, CLOSE);
        assertThat(estimate.expectedShortfallFraction()).isCloseTo(expectedShortfall, within(1e-11));
    }

    private static void assertContribution(RiskContribution contribution, double marginal, double component, double percent) {
        assertThat(contribution.marginalContribution()).isCloseTo(marginal, CLOSE);
        assertThat(contribution.componentContribution()).isCloseTo(component, CLOSE);
        assertThat(contribution.percentContribution()).isCloseTo(percent, CLOSE);
    }

    private static TailRiskEstimate estimate(PortfolioRiskReport report, TailRiskMethod method, double confidence) {
        return report.tailRisk().stream()
                .filter(estimate -> estimate.method() == method && estimate.confidence() == confidence)
                .findFirst()
                .orElseThrow();
    }

    private static ObjectMapper jsonMapper() {
        return JsonMapper.builder().addModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }
}
