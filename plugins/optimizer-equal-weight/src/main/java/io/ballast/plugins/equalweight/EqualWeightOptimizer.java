package io.ballast.plugins.equalweight;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.plugin.ParameterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** 1/N in every asset of the universe: the baseline every other optimizer is judged against. */
@Extension
public class EqualWeightOptimizer implements Optimizer {

    @Override
    public String id() {
        return "equal-weight";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Equal weight: the same fraction 1/N of portfolio value in each of the N assets; needs no estimates.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public TargetWeights optimize(OptimizationRequest request) {
        List<String> assets = request.assets();
        double weight = 1.0 / assets.size();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String asset : assets) {
            weights.put(asset, weight);
        }
        return new TargetWeights(weights);
    }
}
