package io.ballast.platform.quant.risk.report;

import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.performance.PerformanceEvaluator;
import io.ballast.platform.quant.performance.PerformanceStatistics;
import io.ballast.platform.quant.prices.ReturnSeries;
import io.ballast.platform.quant.risk.Annualisation;
import io.ballast.platform.quant.risk.AssetReturnMatrix;
import io.ballast.platform.quant.risk.CornishFisherTailLoss;
import io.ballast.platform.quant.risk.DiversificationRatio;
import io.ballast.platform.quant.risk.Drawdown;
import io.ballast.platform.quant.risk.EmpiricalTailLoss;
import io.ballast.platform.quant.risk.HeldAssetReturns;
import io.ballast.platform.quant.risk.HerfindahlConcentration;
import io.ballast.platform.quant.risk.HistoricalReplayResult;
import io.ballast.platform.quant.risk.HistoricalStressReplay;
import io.ballast.platform.quant.risk.MonteCarloPortfolioReturns;
import io.ballast.platform.quant.risk.NormalTailLoss;
import io.ballast.platform.quant.risk.PeriodDates;
import io.ballast.platform.quant.risk.PortfolioWeights;
import io.ballast.platform.quant.risk.RiskContribution;
import io.ballast.platform.quant.risk.RiskContributions;
import io.ballast.platform.quant.risk.StressTest;
import io.ballast.platform.quant.risk.StressTestResult;
import io.ballast.platform.quant.risk.TailLoss;
import io.ballast.platform.quant.risk.TailRiskMethod;
import io.ballast.platform.quant.risk.Volatility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The one entry point for a portfolio's risk report: validates the plain inputs and assembles a
 * {@link PortfolioRiskReport} from the risk measures of {@code io.ballast.platform.quant.risk} and
 * the statistics of {@code io.ballast.platform.quant.performance}. Stateless and thread-safe.
 */
public final class PortfolioRiskReporter {

    /** How far the weights may sum from 1 (rounding of weights given with a few decimals). */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    private PortfolioRiskReporter() {
    }

    /**
     * The report of a portfolio given by weight per asset over a price history's returns.
     *
     * @param returns       the universe's simple returns
     * @param weightByAsset weights of some of the universe's assets, summing to 1; the others hold 0
     * @throws InvalidInputException naming {@code weights.ASSET} for an asset outside the universe
     */
    public static PortfolioRiskReport report(ReturnSeries returns, Map<String, Double> weightByAsset,
            RiskReportSettings settings) {
        List<String> assets = returns.assets();
        double[] weights = new double[assets.size()];
        weightByAsset.forEach((asset, weight) -> {
            int index = assets.indexOf(asset);
            if (index < 0) {
                throw new InvalidInputException("weights." + asset, "is not an asset of the prices (they hold " + assets + ")");
            }
            weights[index] = weight;
        });
        return report(assets, returns.dates(), returns.returns(), weights, settings);
    }

    /**
     * @param assets asset ids, unique
     * @param periodDates the end date of each period, strictly increasing, one per row of {@code returns}
     * @param returns periodic simple returns {@code [period][asset]}, oldest first, {@code NaN} for missing
     * @param weights one per asset, fractions of portfolio value summing to 1 (within
     *        {@value #WEIGHT_SUM_TOLERANCE}); 0 for an asset listed but not held
     * @param settings what to compute; {@link RiskReportSettings#defaults()} for the defaults
     */
    public static PortfolioRiskReport report(List<String> assets, List<LocalDate> periodDates, double[][] returns,
            double[] weights, RiskReportSettings settings) {
        PortfolioWeights portfolio = PortfolioWeights.of(assets, weights);
        if (Math.abs(portfolio.sum() - 1) > WEIGHT_SUM_TOLERANCE) {
            throw new InvalidInputException("weights", "must sum to 1, they sum to " + portfolio.sum());
        }
        AssetReturnMatrix matrix = AssetReturnMatrix.of(returns, portfolio.assetCount());
        PeriodDates dates = new PeriodDates(periodDates).requireCount(matrix.periodCount());
        HeldAssetReturns held = HeldAssetReturns.of(portfolio, matrix);
        double[] portfolioReturns = held.portfolioReturns();
        int[] analysedPeriods = held.periodIndices();
        Annualisation annualisation = new Annualisation(settings.periodsPerYear());
        Map<String, String> unavailable = new LinkedHashMap<>();

        double periodicVolatility = Volatility.periodic(portfolioReturns);
        RealMatrix annualCovariance = held.periodicCovariance().scalarMultiply(settings.periodsPerYear());
        OptionalDouble diversification = DiversificationRatio.of(annualCovariance, held.weights());
        if (diversification.isEmpty()) {
            unavailable.put("diversificationRatio", "the portfolio's returns do not vary (volatility is 0)");
        }
        List<RiskContribution> contributions = RiskContributions.of(held.assets(), annualCovariance, held.weights())
                .orElseGet(() -> {
                    unavailable.put("riskContributions", "the portfolio's returns do not vary (volatility is 0)");
                    return List.of();
                });
        HerfindahlConcentration concentration = HerfindahlConcentration.of(portfolio.weights());
        PerformanceStatistics performance = PerformanceEvaluator.evaluate(portfolioReturns,
                benchmarkOver(settings.benchmarkReturnArray(), analysedPeriods, matrix.periodCount()),
                settings.performanceSettings());
        performance.unavailableMeasures().forEach((field, reason) -> unavailable.put("performance." + field, reason));

        return new PortfolioRiskReport(portfolio.assets(), settings.periodsPerYear(), matrix.periodCount(), held.periodCount(),
                dates.get(analysedPeriods[0]), dates.get(analysedPeriods[analysedPeriods.length - 1]), periodicVolatility,
                annualisation.volatility(periodicVolatility), tailRisk(held, portfolioReturns, settings, unavailable),
                settings.monteCarloPaths(), settings.monteCarloSeed(), Drawdown.maximum(portfolioReturns),
                concentration.herfindahlIndex(), concentration.effectiveNumberOfAssets(),
                diversification.isPresent() ? diversification.getAsDouble() : null, contributions, performance,
                stressTests(portfolio, settings), historicalReplays(portfolio, dates, matrix, settings),
                Collections.unmodifiableMap(unavailable));
    }

    /** Every method at every confidence, methods in {@link TailRiskMethod} order. */
    private static List<TailRiskEstimate> tailRisk(HeldAssetReturns held, double[] portfolioReturns, RiskReportSettings settings,
            Map<String, String> unavailable) {
        EmpiricalTailLoss historical = EmpiricalTailLoss.of(portfolioReturns);
        EmpiricalTailLoss simulated = EmpiricalTailLoss.of(
                MonteCarloPortfolioReturns.simulate(held, settings.monteCarloPaths(), settings.monteCarloSeed()));
        boolean cornishFisherRuns = portfolioReturns.length >= CornishFisherTailLoss.MINIMUM_RETURNS;
        if (!cornishFisherRuns) {
            unavailable.put("tailRisk." + TailRiskMethod.CORNISH_FISHER, "needs at least " + CornishFisherTailLoss.MINIMUM_RETURNS
                    + " analysed periods for the excess kurtosis, got " + portfolioReturns.length);
        }
        List<TailRiskEstimate> estimates = new ArrayList<>();
        for (TailRiskMethod method : TailRiskMethod.values()) {
            DoubleFunction<TailLoss> estimator = switch (method) {
                case PARAMETRIC_NORMAL -> confidence -> NormalTailLoss.of(portfolioReturns, confidence);
                case CORNISH_FISHER -> cornishFisherRuns ? confidence -> CornishFisherTailLoss.of(portfolioReturns, confidence) : null;
                case HISTORICAL -> historical::at;
                case MONTE_CARLO -> simulated::at;
            };
            for (double confidence : settings.confidences()) {
                TailLoss loss = estimator == null ? null : estimator.apply(confidence);
                estimates.add(new TailRiskEstimate(method, confidence, loss == null ? null : loss.valueAtRiskFraction(),
                        loss == null ? null : loss.expectedShortfallFraction()));
            }
        }
        return List.copyOf(estimates);
    }

    /** The benchmark's returns over the analysed periods, or null without a benchmark. */
    private static double[] benchmarkOver(double[] benchmark, int[] analysedPeriods, int periodCount) {
        if (benchmark == null) {
            return null;
        }
        if (benchmark.length != periodCount) {
            throw new InvalidInputException("benchmarkReturns", "must give one return per period (" + periodCount + "), got "
                    + benchmark.length);
        }
        double[] aligned = new double[analysedPeriods.length];
        for (int row = 0; row < analysedPeriods.length; row++) {
            aligned[row] = benchmark[analysedPeriods[row]];
        }
        return aligned;
    }

    private static List<StressTestResult> stressTests(PortfolioWeights portfolio, RiskReportSettings settings) {
        return settings.stressScenarios().stream().map(scenario -> StressTest.apply(portfolio, scenario)).toList();
    }

    private static List<HistoricalReplayResult> historicalReplays(PortfolioWeights portfolio, PeriodDates dates,
            AssetReturnMatrix matrix, RiskReportSettings settings) {
        if (settings.historicalWindows().isEmpty()) {
            return List.of();
        }
        HistoricalStressReplay replay = HistoricalStressReplay.of(portfolio, dates, matrix);
        return settings.historicalWindows().stream().map(replay::replay).toList();
    }
}
