package io.ballast.plugins.optimizers.hrp;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import io.ballast.plugins.optimizers.request.NonBindingConstraints;
import io.ballast.plugins.optimizers.request.RequestReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
public class HierarchicalRiskParityOptimizer implements Optimizer {

    static final String ID = "hrp";
    private static final String LINKAGE = "linkage";

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
        return "Hierarchical risk parity: clusters the assets by correlation and splits the weight down the tree"
                + " in inverse proportion to each branch's variance; long-only, needs no solver.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec(LINKAGE, ParameterType.STRING,
                "How cluster distances follow from asset distances: single, complete, average or ward (as scipy's linkage)",
                Optional.of(Linkage.SINGLE.parameterName()), Optional.empty(), Optional.empty()));
    }

    @Override
    public TargetWeights optimize(OptimizationRequest request) {
        RequestReader reader = new RequestReader(request, ID);
        MarketEstimates estimates = reader.estimates();
        Linkage linkage = Linkage.named(reader.text(LINKAGE, Linkage.SINGLE.parameterName()));
        NonBindingConstraints.require(request, ID);

        List<String> assets = estimates.assets();
        double[][] covariance = reader.annualCovarianceWithPositiveVariances();
        double[] weights = new double[] {1.0};
        if (assets.size() > 1) {
            Dendrogram tree = AgglomerativeClustering.cluster(correlationDistance(assets, estimates.correlation()), linkage);
            weights = RecursiveBisection.weights(covariance, tree.leavesInOrder());
        }
        Map<String, Double> weightByAsset = new LinkedHashMap<>();
        for (int i = 0; i < assets.size(); i++) {
            weightByAsset.put(assets.get(i), weights[i]);
        }
        return new TargetWeights(weightByAsset);
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
