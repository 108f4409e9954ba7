package io.ballast.platform.construction;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.optimizer.MarketViews;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.platform.quant.estimate.EstimationSettings;
import java.util.Map;
import java.util.Objects;

/**
 * One portfolio-construction run: which optimizer, on which prices, estimated how, under which
 * limits.
 *
 * @param method             the optimizer id, e.g. {@code min-volatility}
 * @param prices             the universe's closing prices; the universe is its assets, in order
 * @param estimation         how expected returns and covariance are estimated from the prices
 * @param annualRiskFreeRate annual fraction (0.02 is 2%), for Sharpe ratios and Kelly
 * @param constraints        the limits the weights keep
 * @param views              market capitalisations and views, for Black-Litterman
 * @param parameters         the optimizer's own parameters, unchecked yet
 */
public record ConstructionRequest(
        String method,
        PriceHistory prices,
        EstimationSettings estimation,
        double annualRiskFreeRate,
        WeightConstraints constraints,
        MarketViews views,
        Map<String, ?> parameters) {

    /** When the caller gives none: 2% a year, the rate the published optimizer references use. */
    public static final double DEFAULT_ANNUAL_RISK_FREE_RATE = 0.02;

    public ConstructionRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(estimation, "estimation");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(views, "views");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
    }

    ConstructionRequest withMethod(String newMethod, Map<String, ?> newParameters) {
        return new ConstructionRequest(newMethod, prices, estimation, annualRiskFreeRate, constraints, views, newParameters);
    }
}
