package io.ballast.platform.bench;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.platform.quant.estimate.EstimationSettings;
import io.ballast.platform.quant.estimate.MarketEstimator;
import io.ballast.platform.quant.estimate.SampleCovariance;
import io.ballast.platform.quant.prices.ReturnSeries;
import io.ballast.platform.quant.risk.EmpiricalTailLoss;
import io.ballast.platform.quant.risk.MonteCarloPortfolioReturns;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code bench quant}: the quant core's hot paths at the sizes issue 3 names, on a seeded synthetic
 * market, with the optimizers called through the plugin host exactly as the API calls them.
 */
public final class QuantBenchmark {

    private static final int TRADING_DAYS = 2_520;
    private static final double RISK_FREE_RATE = 0.02;
    private static final long SEED = 20_261_121L;

    private final Function<String, Optimizer> optimizerById;
    private final BenchmarkTimer timer;

    /**
     * @param optimizerById the loaded optimizer with that id; the benchmark fails when one is missing
     */
    public QuantBenchmark(Function<String, Optimizer> optimizerById, BenchmarkTimer timer) {
        this.optimizerById = optimizerById;
        this.timer = timer;
    }

    /** Runs every case, handing each figure to {@code report} as soon as it is measured. */
    public List<Measurement> run(Consumer<Measurement> report) {
        Measurements keep = new Measurements(report);
        ReturnSeries wide = SyntheticReturns.generate(SEED, 500, TRADING_DAYS);
        keep.accept(millis("sample-covariance 500x2520", () -> SampleCovariance.annualised(wide, 252)));
        keep.accept(millis("market-estimates 500x2520", () -> MarketEstimator.estimate(wide, EstimationSettings.defaults())));
        OptimizationRequest fiveHundred = OptimizationRequest.of(estimates(500), RISK_FREE_RATE);
        for (OptimizationRequest request : List.of(OptimizationRequest.of(estimates(100), RISK_FREE_RATE), fiveHundred)) {
            int assets = request.assets().size();
            keep.accept(millis("min-volatility n=" + assets, () -> optimizerById.apply("min-volatility").optimize(request)));
            keep.accept(millis("max-sharpe n=" + assets, () -> optimizerById.apply("max-sharpe").optimize(request)));
        }
        // the harder shapes: a cap that makes half the universe held, a floor on every asset, bounded shorts
        OptimizationRequest capped = fiveHundred.withConstraints(WeightConstraints.longOnly().withBounds(0, 0.004));
        keep.accept(millis("min-volatility n=500 max-weight=0.004", () -> optimizerById.apply("min-volatility").optimize(capped)));
        keep.accept(millis("max-sharpe n=500 max-weight=0.004", () -> optimizerById.apply("max-sharpe").optimize(capped)));
        OptimizationRequest floored = fiveHundred.withConstraints(WeightConstraints.longOnly().withBounds(0.001, 1));
        keep.accept(millis("max-sharpe n=500 min-weight=0.001", () -> optimizerById.apply("max-sharpe").optimize(floored)));
        OptimizationRequest shorts = fiveHundred.withConstraints(WeightConstraints.longOnly().withBounds(-0.1, 1));
        keep.accept(millis("min-volatility n=500 min-weight=-0.1", () -> optimizerById.apply("min-volatility").optimize(shorts)));
        OptimizationRequest thousand = OptimizationRequest.of(estimates(1_000), RISK_FREE_RATE);
        for (String linkage : List.of("single", "ward")) {
            OptimizationRequest request = thousand.withParameters(Map.of("linkage", linkage));
            keep.accept(millis("hrp n=1000 linkage=" + linkage, () -> optimizerById.apply("hrp").optimize(request)));
        }
        double[][] returns = wide.returns();
        double[] equalWeights = equalWeights(500);
        keep.accept(millis("historical-var-es 500x2520",
                () -> EmpiricalTailLoss.ofPortfolio(wide.assets(), returns, equalWeights).at(0.99)));
        ReturnSeries hundred = SyntheticReturns.generate(SEED, 100, TRADING_DAYS);
        double[][] hundredReturns = hundred.returns();
        double[] hundredWeights = equalWeights(100);
        keep.accept(millis("monte-carlo-var paths=100000 n=100", () -> EmpiricalTailLoss.of(MonteCarloPortfolioReturns
                .simulate(hundred.assets(), hundredReturns, hundredWeights, 100_000, SEED)).at(0.99)));
        return keep.all();
    }

    private MarketEstimates estimates(int assets) {
        return MarketEstimator.estimate(SyntheticReturns.generate(SEED + assets, assets, TRADING_DAYS), EstimationSettings.defaults());
    }

    /** A case that fails (a plugin call past its timeout) is reported as failed, and the others still run. */
    private Measurement millis(String name, Supplier<?> operation) {
        try {
            return new Measurement(name, timer.medianMillis(operation), "ms");
        } catch (RuntimeException failed) {
            return Measurement.failed(name, failed.getMessage());
        }
    }

    private static double[] equalWeights(int assets) {
        double[] weights = new double[assets];
        Arrays.fill(weights, 1.0 / assets);
        return weights;
    }
}
