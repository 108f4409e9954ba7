package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.WeightConstraints;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * A second method for constrained problems: the whole problem written out here, independently of
 * the plugin's constraint translation and screening, as one ojAlgo {@link ExpressionsBasedModel}
 * solved by ojAlgo's own choice of solver. Slow, but it sees every asset at once.
 */
final class DirectModel {

    private DirectModel() {
    }

    /** The least variance {@code wᵀΣw} under the constraints. */
    static double leastVariance(MarketEstimates estimates, WeightConstraints constraints) {
        Problem problem = new Problem(estimates, constraints, false, 0);
        Optimisation.Result result = problem.model.minimise();
        return problem.variance(result);
    }

    /** The highest Sharpe ratio under the constraints, through the same change of variables written out again. */
    static double highestSharpe(MarketEstimates estimates, WeightConstraints constraints, double riskFreeRate) {
        Problem problem = new Problem(estimates, constraints, true, riskFreeRate);
        Optimisation.Result result = problem.model.minimise();
        double[] y = problem.weights(result);
        double scale = 0;
        for (double value : y) {
            scale += value;
        }
        double[] mu = estimates.expectedAnnualReturns();
        double excess = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] /= scale;
            excess += (mu[i] - riskFreeRate) * y[i];
        }
        return excess / Math.sqrt(variance(estimates.annualCovariance(), y));
    }

    private static double variance(double[][] sigma, double[] w) {
        double variance = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                variance += w[i] * sigma[i][j] * w[j];
            }
        }
        return variance;
    }

    private static final class Problem {

        final ExpressionsBasedModel model = new ExpressionsBasedModel();
        final Variable[] weights;
        final double[][] sigma;

        /** With {@code scaled}, the variables are y = κw and every limit b becomes b·κ with κ = Σy. */
        Problem(MarketEstimates estimates, WeightConstraints constraints, boolean scaled, double riskFreeRate) {
            List<String> assets = estimates.assets();
            int n = assets.size();
            sigma = estimates.annualCovariance();
            weights = new Variable[n];
            for (int i = 0; i < n; i++) {
                weights[i] = model.addVariable("w" + i);
            }
            Variable kappa = scaled ? model.addVariable("kappa").lower(0) : null;
            Expression objective = model.addExpression("variance").weight(1);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    objective.set(weights[i], weights[j], sigma[i][j]);
                }
            }
            Expression budget = model.addExpression("budget");
            for (Variable weight : weights) {
                budget.set(weight, 1);
            }
            if (scaled) {
                budget.set(kappa, -1).level(0);
                Expression normal = model.addExpression("normal").level(1);
                double[] mu = estimates.expectedAnnualReturns();
                for (int i = 0; i < n; i++) {
                    normal.set(weights[i], mu[i] - riskFreeRate);
                }
            } else {
                budget.level(1);
            }
            for (int i = 0; i < n; i++) {
                limit("lower" + i, Map.of(weights[i], 1.0), kappa, constraints.lowerBound(assets.get(i)), false);
                limit("upper" + i, Map.of(weights[i], 1.0), kappa, constraints.upperBound(assets.get(i)), true);
            }
            for (Map.Entry<String, Double> cap : constraints.maxWeightBySector().entrySet()) {
                Map<Variable, Double> members = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    if (cap.getKey().equals(constraints.sectorByAsset().get(assets.get(i)))) {
                        members.put(weights[i], 1.0);
                    }
                }
                limit("sector " + cap.getKey(), members, kappa, cap.getValue(), true);
            }
            if (constraints.maxTurnover().isPresent()) {
                Map<Variable, Double> trades = new HashMap<>();
                double outside = 0;
                for (Map.Entry<String, Double> current : constraints.currentWeights().entrySet()) {
                    outside += assets.contains(current.getKey()) ? 0 : Math.abs(current.getValue());
                }
                for (int i = 0; i < n; i++) {
                    Variable trade = model.addVariable("t" + i).lower(0);
                    trades.put(trade, 1.0);
                    double current = constraints.currentWeights().getOrDefault(assets.get(i), 0.0);
                    limit("buy" + i, Map.of(weights[i], 1.0, trade, -1.0), kappa, current, true);
                    limit("sell" + i, Map.of(weights[i], -1.0, trade, -1.0), kappa, -current, true);
                }
                limit("turnover", trades, kappa, constraints.maxTurnover().getAsDouble() - outside, true);
            }
        }

        /** {@code Σ coefficient·x ≤ bound} (or ≥), with the bound times κ when scaled. */
        private void limit(String name, Map<Variable, Double> terms, Variable kappa, double bound, boolean upper) {
            Expression expression = model.addExpression(name);
            terms.forEach(expression::set);
            if (kappa == null) {
                if (upper) {
                    expression.upper(bound);
                } else {
                    expression.lower(bound);
                }
            } else {
                expression.set(kappa, -bound);
                if (upper) {
                    expression.upper(0);
                } else {
                    expression.lower(0);
                }
            }
        }

        double[] weights(Optimisation.Result result) {
            if (!result.getState().isFeasible()) {
                throw new AssertionError("the direct model ended " + result.getState());
            }
            double[] w = new double[weights.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = result.doubleValue(i);
            }
            return w;
        }

        double variance(Optimisation.Result result) {
            return DirectModel.variance(sigma, weights(result));
        }
    }
}
