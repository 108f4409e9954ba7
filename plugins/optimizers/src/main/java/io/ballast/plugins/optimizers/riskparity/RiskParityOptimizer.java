package io.ballast.plugins.optimizers.riskparity;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import io.ballast.plugins.optimizers.request.ConstrainedOptimizer;
import io.ballast.plugins.optimizers.request.NonBindingConstraints;
import io.ballast.plugins.optimizers.request.NumbersByNameParameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Risk parity: the long-only, fully invested portfolio in which each asset's share of the
 * portfolio variance, w_i(Σw)_i / w'Σw, equals its risk budget: 1/N each by default (equal risk
 * contribution), or the caller's {@code riskBudgets}. Only the covariance is used. The budgets
 * are met to a relative error below 1e-12 where double precision allows, and never worse than
 * 1e-8 (see {@link RiskBudgetSolver}).
 *
 * <p>The solution is unique and long-only, so weight limits cannot be honoured: only constraints
 * that no long-only, fully invested portfolio can break are accepted (see
 * {@link NonBindingConstraints}).
 */
@Extension
public class RiskParityOptimizer extends ConstrainedOptimizer {

    static final String ID = "risk-parity";
    static final NumbersByNameParameter RISK_BUDGETS = new NumbersByNameParameter("riskBudgets",
            "Each asset's share of portfolio variance, a positive fraction, summing to 1 over every asset;"
                    + " empty for equal shares 1/N");
    /** How far the caller's budgets may sum from 1 (they are then rescaled to sum to 1 exactly). */
    private static final double BUDGET_SUM_TOLERANCE = 1e-6;

    public RiskParityOptimizer() {
        super(ID, "Risk parity: long-only weights whose shares of portfolio variance are equal, or follow given risk budgets.",
                false, List.of(RISK_BUDGETS.spec()));
    }

    @Override
    protected void requireSupported(OptimizationRequest request) {
        NonBindingConstraints.require(request, ID);
    }

    @Override
    protected double[] weights(OptimizationRequest request, CheckedEstimates estimates, ConstraintSystem constraints) {
        double[] budgets = budgets(estimates.assets(), RISK_BUDGETS.valueIn(request));
        return RiskBudgetSolver.weights(estimates.annualCovariance(), budgets);
    }

    /** The budgets in the assets' order, rescaled to sum to 1 exactly; 1/N each when none are given. */
    private static double[] budgets(List<String> assets, Map<String, Double> given) {
        int n = assets.size();
        double[] budgets = new double[n];
        if (given.isEmpty()) {
            Arrays.fill(budgets, 1.0 / n);
            return budgets;
        }
        for (Map.Entry<String, Double> entry : given.entrySet()) {
            if (!assets.contains(entry.getKey())) {
                throw new IllegalArgumentException("parameters.riskBudgets." + entry.getKey() + ": " + entry.getKey()
                        + " is not one of the assets " + assets);
            }
            if (!(entry.getValue() > 0)) {
                throw new IllegalArgumentException("parameters.riskBudgets." + entry.getKey() + " must be positive, not "
                        + entry.getValue());
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            Double budget = given.get(assets.get(i));
            if (budget == null) {
                throw new IllegalArgumentException("parameters.riskBudgets has no budget for " + assets.get(i)
                        + "; give every asset a positive budget, or none for equal budgets");
            }
            budgets[i] = budget;
            total += budget;
        }
        if (Math.abs(total - 1) > BUDGET_SUM_TOLERANCE) {
            throw new IllegalArgumentException("parameters.riskBudgets sum to " + total + ", not 1");
        }
        for (int i = 0; i < n; i++) {
            budgets[i] /= total;
        }
        return budgets;
    }
}
