package io.ballast.plugins.optimizers.blacklitterman;

import io.ballast.api.optimizer.InvestorView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The inputs of He &amp; Litterman (1999), "The Intuition Behind Black-Litterman Model Portfolios",
 * Goldman Sachs: seven equity markets, Table 1 (correlations, volatilities) and Table 2 (market
 * capitalisation weights), δ = 2.5, τ = 0.05, excess returns (r_f = 0).
 */
final class HeLittermanExample {

    static final List<String> COUNTRIES = List.of("Australia", "Canada", "France", "Germany", "Japan", "UK", "USA");
    static final double RISK_AVERSION = 2.5;
    static final double TAU = 0.05;

    /** Table 1. */
    private static final double[][] CORRELATION = {
        {1.000, 0.488, 0.478, 0.515, 0.439, 0.512, 0.491},
        {0.488, 1.000, 0.664, 0.655, 0.310, 0.608, 0.779},
        {0.478, 0.664, 1.000, 0.861, 0.355, 0.783, 0.668},
        {0.515, 0.655, 0.861, 1.000, 0.354, 0.777, 0.653},
        {0.439, 0.310, 0.355, 0.354, 1.000, 0.405, 0.306},
        {0.512, 0.608, 0.783, 0.777, 0.405, 1.000, 0.652},
        {0.491, 0.779, 0.668, 0.653, 0.306, 0.652, 1.000},
    };
    /** Table 1, annual. */
    private static final double[] VOLATILITY = {0.160, 0.203, 0.248, 0.271, 0.210, 0.200, 0.187};
    /** Table 2, equilibrium portfolio weights (used as market capitalisations: they sum to 1). */
    static final double[] MARKET_WEIGHTS = {0.016, 0.022, 0.052, 0.055, 0.116, 0.124, 0.615};

    private HeLittermanExample() {
    }

    static double[][] covariance() {
        double[][] covariance = new double[7][7];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                covariance[i][j] = CORRELATION[i][j] * VOLATILITY[i] * VOLATILITY[j];
            }
        }
        return covariance;
    }

    static Map<String, Double> marketCapitalisations() {
        Map<String, Double> capitalisations = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            capitalisations.put(COUNTRIES.get(i), MARKET_WEIGHTS[i]);
        }
        return capitalisations;
    }

    /** View 1: Germany outperforms the rest of Europe (France and the UK, market-cap weighted) by 5% a year. */
    static InvestorView germanyOverEurope() {
        double europe = MARKET_WEIGHTS[2] + MARKET_WEIGHTS[5];
        Map<String, Double> pick = new LinkedHashMap<>();
        pick.put("Germany", 1.0);
        pick.put("France", -MARKET_WEIGHTS[2] / europe);
        pick.put("UK", -MARKET_WEIGHTS[5] / europe);
        return new InvestorView(pick, 0.05, OptionalDouble.empty());
    }

    /** View 2: Canada outperforms the USA by 3% a year. */
    static InvestorView canadaOverUsa() {
        return InvestorView.relative("Canada", "USA", 0.03, OptionalDouble.empty());
    }
}
