package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.constraints.LinearConstraint;
import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The highest value of a linear function of the weights, {@code max aᵀw}, over the portfolios
 * within the constraints (a linear program solved with ojAlgo's {@link ExpressionsBasedModel}),
 * and a portfolio that reaches it. With {@code a = μ} it is the highest achievable expected return.
 *
 * @param value the maximum of {@code aᵀw}
 * @param point a point of the constraint system (weights, then trades) that reaches it
 */
record LinearMaximum(double value, double[] point) {

    /**
     * @param assetCoefficients {@code a}, one coefficient per asset
     * @throws InfeasibleProgramException when no portfolio meets the constraints
     */
    static LinearMaximum of(double[] assetCoefficients, ConstraintSystem constraints) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        int m = constraints.variableCount();
        double[] lower = constraints.lowerBounds();
        double[] upper = constraints.upperBounds();
        Variable[] variables = new Variable[m];
        for (int i = 0; i < m; i++) {
            variables[i] = model.addVariable("x" + i);
            variables[i].lower(Double.isFinite(lower[i]) ? lower[i] : null);
            variables[i].upper(Double.isFinite(upper[i]) ? upper[i] : null);
        }
        addRows(model, variables, constraints.equalities(), true);
        addRows(model, variables, constraints.inequalities(), false);
        // one variable and one row per name: ojAlgo keys expressions by name
        Expression objective = model.addExpression("objective").weight(1);
        for (int i = 0; i < assetCoefficients.length; i++) {
            objective.set(variables[i], assetCoefficients[i]);
        }
        Optimisation.Result result = model.maximise();
        if (result.getState() == Optimisation.State.INFEASIBLE) {
            throw InfeasibleProgramException.contradictoryConstraints();
        }
        if (!result.getState().isFeasible()) {
            throw new IllegalArgumentException("the linear program over the constraints (ojAlgo) ended "
                    + result.getState() + " instead of finding an optimum");
        }
        double[] point = new double[m];
        for (int i = 0; i < m; i++) {
            point[i] = result.doubleValue(i);
        }
        double value = 0;
        for (int i = 0; i < assetCoefficients.length; i++) {
            value += assetCoefficients[i] * point[i];
        }
        return new LinearMaximum(value, point);
    }

    private static void addRows(ExpressionsBasedModel model, Variable[] variables, List<LinearConstraint> rows, boolean equality) {
        for (int index = 0; index < rows.size(); index++) {
            LinearConstraint row = rows.get(index);
            Expression expression = model.addExpression((equality ? "equality " : "inequality ") + index);
            for (int i = 0; i < variables.length; i++) {
                if (row.coefficient(i) != 0) {
                    expression.set(variables[i], row.coefficient(i));
                }
            }
            if (equality) {
                expression.level(row.bound());
            } else {
                expression.upper(row.bound());
            }
        }
    }
}
