package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Marginal, component and percent contributions of each asset to portfolio volatility
 * {@code sigma_p = sqrt(w' Sigma w)}: {@code marginal_i = (Sigma w)_i / sigma_p},
 * {@code component_i = w_i marginal_i} (summing to {@code sigma_p}, Euler's theorem for a function
 * homogeneous of degree one), {@code percent_i = component_i / sigma_p} (summing to 1). See
 * {@link RiskContribution}.
 */
public final class RiskContributions {

    private RiskContributions() {
    }

    /** In asset order; empty when the portfolio has no volatility (contributions are then 0 / 0). */
    public static Optional<List<RiskContribution>> of(List<String> assets, RealMatrix covariance, double[] weights) {
        PortfolioVolatility.check(covariance, weights);
        if (assets == null || assets.size() != weights.length) {
            throw new InvalidInputException("assets", "must name one asset per weight (" + weights.length + ")");
        }
        double[] covarianceTimesWeights = covariance.operate(weights);
        double portfolioVolatility = PortfolioVolatility.of(covariance, weights);
        if (portfolioVolatility == 0) {
            return Optional.empty();
        }
        List<RiskContribution> contributions = new ArrayList<>(weights.length);
        for (int i = 0; i < weights.length; i++) {
            double marginal = covarianceTimesWeights[i] / portfolioVolatility;
            double component = weights[i] * marginal;
            contributions.add(new RiskContribution(assets.get(i), weights[i], marginal, component, component / portfolioVolatility));
        }
        return Optional.of(List.copyOf(contributions));
    }
}
