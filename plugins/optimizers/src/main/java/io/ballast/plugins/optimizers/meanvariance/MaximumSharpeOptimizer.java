package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import io.ballast.plugins.optimizers.request.ConstrainedOptimizer;
import java.util.List;
import org.pf4j.Extension;

/**
 * Maximum Sharpe ratio (the tangency portfolio): maximises {@code (μᵀw − rf) / √(wᵀΣw)} with the
 * request's annual risk-free rate, within the weight constraints, by the Cornuejols–Tütüncü change
 * of variables ({@link RatioMaximisation}) as PyPortfolioOpt's {@code max_sharpe} does. As there,
 * at least one asset must be expected to beat the risk-free rate; with L2 regularisation the term
 * applies to the scaled variables, as PyPortfolioOpt applies it (with a warning).
 */
@Extension
public class MaximumSharpeOptimizer extends ConstrainedOptimizer {

    static final String ID = "max-sharpe";

    public MaximumSharpeOptimizer() {
        super(ID, "Maximum Sharpe ratio: the fully invested portfolio with the highest (expected return − risk-free rate) / volatility"
                + " within the weight constraints.", true, List.of());
    }

    @Override
    protected double[] weights(OptimizationRequest request, CheckedEstimates estimates, ConstraintSystem constraints) {
        double riskFreeRate = request.annualRiskFreeRate();
        double[] excessReturns = estimates.expectedAnnualReturns();
        int best = 0;
        for (int i = 0; i < excessReturns.length; i++) {
            excessReturns[i] -= riskFreeRate;
            best = excessReturns[i] > excessReturns[best] ? i : best;
        }
        if (!(excessReturns[best] > 0)) {
            throw new IllegalArgumentException("estimates.expectedAnnualReturns: " + ID + " needs at least one asset expected to return"
                    + " more than the risk-free rate " + riskFreeRate + "; the highest is " + estimates.assets().get(best) + " at "
                    + (excessReturns[best] + riskFreeRate));
        }
        return RatioMaximisation.weights(excessReturns, estimates, constraints, request.constraints().l2Gamma(),
                "constraints: no portfolio within the constraints is expected to return more than the risk-free rate "
                        + riskFreeRate + ", so " + ID + " has no answer");
    }
}
