package io.ballast.plugins.optimizers.hrp;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import io.ballast.plugins.optimizers.request.ConstrainedOptimizer;
import io.ballast.plugins.optimizers.request.NonBindingConstraints;
import io.ballast.plugins.optimizers.request.TextParameter;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/**
 * Hierarchical risk parity (López de Prado 2016), as PyPortfolioOpt's {@code HRPOpt}: the assets
 * are clustered on the correlation distance d = √((1 − ρ)/2) (ρ from
 * {@link MarketEstimates#correlation()}, so a pairwise-complete correlation is used as given),
 * ordered as the tree's leaves left to right, and weighted by recursive bisection with
 * inverse-variance cluster variances from the covariance. Expected returns are not used.
 *
 * <p>Weights are long-only and need no solver. HRP cannot bend them to weight limits, so it
 * accepts only constraints that no long-only, fully invested portfolio can break (see
 * {@link NonBindingConstraints}) and refuses anything tighter with the field named.
 */
@Extension
public class HierarchicalRiskParityOptimizer extends ConstrainedOptimizer {

    static final String ID = "hrp";
    static final TextParameter LINKAGE = new TextParameter("linkage",
            "How cluster distances follow from asset distances: single, complete, average or ward (as scipy's linkage)",
            Linkage.SINGLE.parameterName(), Arrays.stream(Linkage.values()).map(Linkage::parameterName).toList());

    public HierarchicalRiskParityOptimizer() {
        super(ID, "Hierarchical risk parity: clusters the assets by correlation and splits the weight down the tree"
                + " in inverse proportion to each branch's variance; long-only, needs no solver.", false, List.of(LINKAGE.spec()));
    }

    @Override
    protected void requireSupported(OptimizationRequest request) {
        NonBindingConstraints.require(request, ID);
    }

    @Override
    protected double[] weights(OptimizationRequest request, CheckedEstimates estimates, ConstraintSystem constraints) {
        Linkage linkage = Linkage.named(LINKAGE.valueIn(request));
        List<String> assets = estimates.assets();
        if (assets.size() == 1) {
            return new double[] {1.0};
        }
        Dendrogram tree = AgglomerativeClustering.cluster(correlationDistance(assets, estimates.correlation()), linkage);
        return RecursiveBisection.weights(estimates.annualCovariance(), tree.leavesInOrder());
    }

    /**
     * d = √((1 − ρ)/2), with (1 − ρ)/2 clipped to [0, 1] against round-off, as PyPortfolioOpt does;
     * from the upper triangle, which is what scipy's condensed form keeps.
     */
    private static double[][] correlationDistance(List<String> assets, double[][] correlation) {
        int n = correlation.length;
        double[][] distance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double rho = correlation[i][j];
                if (!Double.isFinite(rho)) {
                    throw new IllegalArgumentException("estimates.correlation of " + assets.get(i) + " and " + assets.get(j)
                            + " is " + rho + "; hrp needs every pairwise correlation as a finite number");
                }
                distance[i][j] = Math.sqrt(Math.min(1.0, Math.max(0.0, (1 - rho) / 2)));
                distance[j][i] = distance[i][j];
            }
        }
        return distance;
    }
}
