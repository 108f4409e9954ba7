package io.ballast.plugins.optimizers.blacklitterman;

import io.ballast.api.optimizer.MarketViews;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.plugins.optimizers.OptimizerCatalogue;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import io.ballast.plugins.optimizers.request.DescribedOptimizer;
import io.ballast.plugins.optimizers.request.NumberParameter;
import io.ballast.plugins.optimizers.request.TextParameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
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
public class BlackLittermanOptimizer extends DescribedOptimizer {

    static final String ID = "black-litterman";
    static final NumberParameter RISK_AVERSION = new NumberParameter("riskAversion",
            "The market's risk aversion δ (positive) that turns market weights into implied excess returns δΣw",
            OptionalDouble.of(2.5), OptionalDouble.empty(), OptionalDouble.empty());
    static final NumberParameter TAU = new NumberParameter("tau",
            "τ, the uncertainty of the prior mean as a fraction of the covariance, in (0, 1]",
            OptionalDouble.of(0.05), OptionalDouble.empty(), OptionalDouble.of(1));
    static final TextParameter POSTERIOR_OPTIMIZER = new TextParameter("posteriorOptimizer",
            "The id of the optimizer run on the posterior returns and covariance, any of this plugin's but black-litterman",
            "max-sharpe", List.of());
    private static final Set<String> OWN_PARAMETERS = Set.of(RISK_AVERSION.name(), TAU.name(), POSTERIOR_OPTIMIZER.name());

    private final Function<String, Optional<Optimizer>> optimizersById;

    /** Runs the posterior through this plugin's {@link OptimizerCatalogue}. */
    public BlackLittermanOptimizer() {
        this(OptimizerCatalogue::optimizer);
    }

    /** Runs the posterior through {@code optimizersById}, so tests can supply optimizers of their own. */
    BlackLittermanOptimizer(Function<String, Optional<Optimizer>> optimizersById) {
        super(ID, "Black-Litterman: market-implied returns from market capitalisations blended with the investor's views,"
                + " then another optimizer run on the posterior returns and covariance.",
                List.of(RISK_AVERSION.spec(), TAU.spec(), POSTERIOR_OPTIMIZER.spec()));
        this.optimizersById = Objects.requireNonNull(optimizersById, "optimizersById");
    }

    @Override
    public TargetWeights optimize(OptimizationRequest request) {
        // expected returns are not read: the prior replaces them
        CheckedEstimates estimates = CheckedEstimates.of(request, ID, false);
        // Σ as the caller gave it, not its symmetrised check: the model symmetrises only its posterior
        double[][] givenCovariance = request.estimates().orElseThrow().annualCovariance();
        double riskAversion = RISK_AVERSION.valueIn(request, ID);
        if (!(riskAversion > 0)) {
            throw new IllegalArgumentException("parameters.riskAversion must be positive, not " + riskAversion);
        }
        double tau = TAU.valueIn(request, ID);
        if (!(tau > 0)) {
            throw new IllegalArgumentException("parameters.tau must be in (0, 1], not " + tau);
        }
        Optimizer posteriorOptimizer = posteriorOptimizer(POSTERIOR_OPTIMIZER.valueIn(request));

        BlackLittermanModel model = BlackLittermanModel.of(estimates.assets(), givenCovariance, request.views(),
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
