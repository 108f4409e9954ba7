package io.ballast.platform.quant.risk;

/**
 * One asset's share of portfolio volatility (Euler allocation), in the units of the covariance it
 * came from (annual covariance gives annual volatility fractions).
 *
 * @param asset the asset id
 * @param weight its weight, a fraction of portfolio value
 * @param marginalContribution {@code d sigma_p / d w_i = (Sigma w)_i / sigma_p}
 * @param componentContribution {@code w_i (Sigma w)_i / sigma_p}; the components sum to {@code sigma_p}
 * @param percentContribution {@code componentContribution / sigma_p}, a fraction; they sum to 1
 */
public record RiskContribution(String asset, double weight, double marginalContribution, double componentContribution,
        double percentContribution) {
}
