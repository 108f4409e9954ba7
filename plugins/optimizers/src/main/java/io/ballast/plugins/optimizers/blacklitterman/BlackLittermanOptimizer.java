package io.ballast.plugins.optimizers.blacklitterman;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.MarketViews;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import io.ballast.plugins.optimizers.OptimizerCatalogue;
import io.ballast.plugins.optimizers.request.RequestReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.pf4j.Extension;

/**
 * Black-Litterman: blends the market-implied prior returns (from the request's market
 * capitalisations and covariance) with the investor's views into posterior returns and
 * covariance ({@link BlackLittermanModel}), then runs another optimizer of this plugin, named by
 * {@code posteriorOptimizer} (max-sharpe by default), on that posterior with the request's
 * constraints and risk-free rate. The request's own expected returns are not used: the prior
 * replaces them. Parameters other than this optimizer's own are passed on to the posterior
 * optimizer (for example {@code targetReturn} for efficient-return).
 */
@Extension
public class BlackLittermanOptimizer implements Optimizer {

    static final String ID = "black-litterman";
    private static final String RISK_AVERSION = "riskAversion";
    private static final String TAU = "tau";
    private static final String POSTERIOR_OPTIMIZER = "posteriorOptimizer";
    private static final double DEFAULT_RISK_AVERSION = 2.5;
    private static final double DEFAULT_TAU = 0.05;
    private static final String DEFAULT_POSTERIOR_OPTIMIZER = "max-sharpe";
    private static final Set<String> OWN_PARAMETERS = Set.of(RISK_AVERSION, TAU, POSTERIOR_OPTIMIZER);

    private final Function<String, Optional<Optimizer>> optimizersById;

    /** Runs the posterior through this plugin's {@link OptimizerCatalogue}. */
    public BlackLittermanOptimizer() {
        this(OptimizerCatalogue::optimizer);
    }

    /** Runs the posterior through {@code optimizersById}, so tests can supply optimizers of their own. */
    BlackLittermanOptimizer(Function<String, Optional<Optimizer>> optimizersById) {
        this.optimizersById = Objects.requireNonNull(optimizersById, "optimizersById");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Black-Litterman: market-implied returns from market capitalisations blended with the investor's views,"
                + " then another optimizer run on the posterior returns and covariance.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec(RISK_AVERSION, ParameterType.NUMBER,
                        "The market's risk aversion δ (positive) that turns market weights into implied excess returns δΣw",
                        Optional.of(DEFAULT_RISK_AVERSION), Optional.empty(), Optional.empty()),
                new ParameterSpec(TAU, ParameterType.NUMBER,
                        "τ, the uncertainty of the prior mean as a fraction of the covariance, in (0, 1]",
                        Optional.of(DEFAULT_TAU), Optional.empty(), Optional.of(1.0)),
                new ParameterSpec(POSTERIOR_OPTIMIZER, ParameterType.STRING,
                        "The id of the optimizer run on the posterior returns and covariance, any of this plugin's but black-litterman",
                        Optional.of(DEFAULT_POSTERIOR_OPTIMIZER), Optional.empty(), Optional.empty()));
    }

    @Override
    public TargetWeights optimize(OptimizationRequest request) {
        RequestReader reader = new RequestReader(request, ID);
        MarketEstimates estimates = reader.estimates();
        double riskAversion = reader.number(RISK_AVERSION, DEFAULT_RISK_AVERSION);
        if (!(riskAversion > 0)) {
            throw new IllegalArgumentException("parameters.riskAversion must be positive, not " + riskAversion);
        }
        double tau = reader.number(TAU, DEFAULT_TAU);
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("parameters.tau must be in (0, 1], not " + tau);
        }
        Optimizer posteriorOptimizer = posteriorOptimizer(reader.text(POSTERIOR_OPTIMIZER, DEFAULT_POSTERIOR_OPTIMIZER));

        BlackLittermanModel model = BlackLittermanModel.of(estimates.assets(), estimates.annualCovariance(), request.views(),
                riskAversion, tau, request.annualRiskFreeRate());
        Map<String, Object> passedOn = new HashMap<>(request.parameters());
        passedOn.keySet().removeAll(OWN_PARAMETERS);
        return posteriorOptimizer.optimize(new OptimizationRequest(request.assets(), Optional.of(model.posteriorEstimates()),
                request.annualRiskFreeRate(), request.constraints(), MarketViews.none(), passedOn));
    }

    private Optimizer posteriorOptimizer(String id) {
        if (id.equals(ID)) {
            throw new IllegalArgumentException("parameters.posteriorOptimizer cannot be black-litterman itself");
        }
        return optimizersById.apply(id).orElseThrow(() -> new IllegalArgumentException(
                "parameters.posteriorOptimizer: this plugin has no optimizer " + id));
    }
}
