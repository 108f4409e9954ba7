package io.ballast.platform.quant.risk.report;

import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.performance.PerformanceSettings;
import io.ballast.platform.quant.risk.Annualisation;
import io.ballast.platform.quant.risk.HistoricalWindow;
import io.ballast.platform.quant.risk.MonteCarloPortfolioReturns;
import io.ballast.platform.quant.risk.StressScenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * What {@link PortfolioRiskReporter} computes and how. Start from {@link #defaults()} and change
 * what differs with the {@code with...} methods. A null list counts as empty.
 *
 * @param confidences VaR/ES confidences, each in (0, 1), no repeats; default 0.95 and 0.99
 * @param periodsPerYear annualisation factor; default 252
 * @param monteCarloPaths simulated paths for Monte Carlo VaR/ES; default 10,000
 * @param monteCarloSeed seed of the simulation: the same seed gives the same figures; default {@value #DEFAULT_MONTE_CARLO_SEED}
 * @param annualRiskFreeRate annual fraction for Sharpe, Treynor, Jensen's alpha; default 0
 * @param annualTargetReturn annual fraction, Sortino's minimum acceptable return; default 0
 * @param benchmarkReturns periodic benchmark returns, one per input period ({@code null} or
 *        {@code NaN} = missing); empty for no benchmark
 * @param stressScenarios per-asset shock scenarios to apply; default none
 * @param historicalWindows windows of history to replay on today's weights; default none
 */
public record RiskReportSettings(List<Double> confidences, int periodsPerYear, int monteCarloPaths, long monteCarloSeed,
        double annualRiskFreeRate, double annualTargetReturn, List<Double> benchmarkReturns, List<StressScenario> stressScenarios,
        List<HistoricalWindow> historicalWindows) {

    public static final List<Double> DEFAULT_CONFIDENCES = List.of(0.95, 0.99);
    public static final int DEFAULT_MONTE_CARLO_PATHS = 10_000;
    public static final long DEFAULT_MONTE_CARLO_SEED = 42L;

    public RiskReportSettings {
        if (confidences == null || confidences.isEmpty()) {
            throw new InvalidInputException("confidences", "must hold at least one confidence");
        }
        for (Double confidence : confidences) {
            if (confidence == null || !(confidence > 0 && confidence < 1)) {
                throw new InvalidInputException("confidences", "each must lie strictly between 0 and 1, got " + confidence);
            }
        }
        if (new HashSet<>(confidences).size() != confidences.size()) {
            throw new InvalidInputException("confidences", "lists a confidence twice");
        }
        confidences = List.copyOf(confidences);
        MonteCarloPortfolioReturns.checkPaths(monteCarloPaths);
        new PerformanceSettings(periodsPerYear, annualRiskFreeRate, annualTargetReturn);
        // List.copyOf refuses nulls, which mark missing benchmark returns
        benchmarkReturns = benchmarkReturns == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(benchmarkReturns));
        stressScenarios = stressScenarios == null ? List.of() : List.copyOf(stressScenarios);
        historicalWindows = historicalWindows == null ? List.of() : List.copyOf(historicalWindows);
    }

    public static RiskReportSettings defaults() {
        return new RiskReportSettings(DEFAULT_CONFIDENCES, Annualisation.TRADING_DAYS, DEFAULT_MONTE_CARLO_PATHS,
                DEFAULT_MONTE_CARLO_SEED, 0, 0, List.of(), List.of(), List.of());
    }

    public RiskReportSettings withConfidences(List<Double> newConfidences) {
        return new RiskReportSettings(newConfidences, periodsPerYear, monteCarloPaths, monteCarloSeed, annualRiskFreeRate,
                annualTargetReturn, benchmarkReturns, stressScenarios, historicalWindows);
    }

    public RiskReportSettings withPeriodsPerYear(int newPeriodsPerYear) {
        return new RiskReportSettings(confidences, newPeriodsPerYear, monteCarloPaths, monteCarloSeed, annualRiskFreeRate,
                annualTargetReturn, benchmarkReturns, stressScenarios, historicalWindows);
    }

    public RiskReportSettings withMonteCarlo(int paths, long seed) {
        return new RiskReportSettings(confidences, periodsPerYear, paths, seed, annualRiskFreeRate, annualTargetReturn,
                benchmarkReturns, stressScenarios, historicalWindows);
    }

    public RiskReportSettings withAnnualRiskFreeRate(double rate) {
        return new RiskReportSettings(confidences, periodsPerYear, monteCarloPaths, monteCarloSeed, rate, annualTargetReturn,
                benchmarkReturns, stressScenarios, historicalWindows);
    }

    public RiskReportSettings withAnnualTargetReturn(double target) {
        return new RiskReportSettings(confidences, periodsPerYear, monteCarloPaths, monteCarloSeed, annualRiskFreeRate, target,
                benchmarkReturns, stressScenarios, historicalWindows);
    }

    /** {@code NaN} marks a missing benchmark return; null for no benchmark. */
    public RiskReportSettings withBenchmarkReturns(double[] returns) {
        List<Double> boxed = new ArrayList<>();
        for (double r : returns == null ? new double[0] : returns) {
            boxed.add(r);
        }
        return new RiskReportSettings(confidences, periodsPerYear, monteCarloPaths, monteCarloSeed, annualRiskFreeRate,
                annualTargetReturn, boxed, stressScenarios, historicalWindows);
    }

    public RiskReportSettings withStressScenarios(List<StressScenario> scenarios) {
        return new RiskReportSettings(confidences, periodsPerYear, monteCarloPaths, monteCarloSeed, annualRiskFreeRate,
                annualTargetReturn, benchmarkReturns, scenarios, historicalWindows);
    }

    public RiskReportSettings withHistoricalWindows(List<HistoricalWindow> windows) {
        return new RiskReportSettings(confidences, periodsPerYear, monteCarloPaths, monteCarloSeed, annualRiskFreeRate,
                annualTargetReturn, benchmarkReturns, stressScenarios, windows);
    }

    public PerformanceSettings performanceSettings() {
        return new PerformanceSettings(periodsPerYear, annualRiskFreeRate, annualTargetReturn);
    }

    /** The benchmark as an array, {@code NaN} for missing; null when there is none. */
    double[] benchmarkReturnArray() {
        if (benchmarkReturns.isEmpty()) {
            return null;
        }
        return benchmarkReturns.stream().mapToDouble(r -> r == null ? Double.NaN : r).toArray();
    }
}
