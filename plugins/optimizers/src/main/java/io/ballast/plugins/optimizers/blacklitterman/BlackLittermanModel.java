package io.ballast.plugins.optimizers.blacklitterman;

import io.ballast.api.optimizer.InvestorView;
import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.MarketViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The Black-Litterman prior and posterior (He &amp; Litterman 1999), all in annual fractions in the
 * order of {@link #assets()}.
 *
 * <ul>
 * <li>Market weights w are the market capitalisations over their sum.</li>
 * <li>Prior (market-implied) returns π = r_f + δ Σ w: the excess returns δΣw that make the market
 *     portfolio optimal for risk aversion δ, plus the risk-free rate so that, like the views, they
 *     are total returns (PyPortfolioOpt's {@code market_implied_prior_returns} adds it the same
 *     way; with r_f = 0 it is He &amp; Litterman's Π).</li>
 * <li>Views: each row p of the pick matrix P comes from a view's pick weights, Q is the views'
 *     returns, and the view variance ω on the diagonal of Ω is He &amp; Litterman's τ pΣpᵀ when the
 *     view has no confidence, or Idzorek's confidence c turned into a variance by Walters'
 *     closed form ω = τ · ((1 − c)/c) · pΣpᵀ (as PyPortfolioOpt's {@code idzorek_method}): c = ½
 *     is He &amp; Litterman's default, c = 1 gives ω = 0 (the posterior meets the view exactly), and
 *     c = 0 gives ω = ∞, so the view is dropped.</li>
 * <li>Posterior returns μ = π + τΣPᵀ(PτΣPᵀ + Ω)⁻¹(Q − Pπ), and posterior covariance
 *     Σ_BL = Σ + τΣ − τΣPᵀ(PτΣPᵀ + Ω)⁻¹PτΣ: He &amp; Litterman's covariance of returns, the
 *     prior covariance plus the remaining uncertainty of the mean. These forms never invert Ω,
 *     so certain views (ω = 0) are exact rather than approximated.</li>
 * </ul>
 * With no views, μ = π and Σ_BL = (1 + τ)Σ.
 */
final class BlackLittermanModel {

    private final List<String> assets;
    private final double[] marketWeights;
    private final double[] priorReturns;
    private final double[] posteriorReturns;
    private final double[][] posteriorCovariance;

    private BlackLittermanModel(List<String> assets, double[] marketWeights, double[] priorReturns,
            double[] posteriorReturns, double[][] posteriorCovariance) {
        this.assets = assets;
        this.marketWeights = marketWeights;
        this.priorReturns = priorReturns;
        this.posteriorReturns = posteriorReturns;
        this.posteriorCovariance = posteriorCovariance;
    }

    /**
     * @param assets             the universe
     * @param annualCovariance   Σ, in the order of {@code assets}
     * @param views              a market capitalisation for every asset, and the views
     * @param riskAversion       δ, positive
     * @param tau                τ, the uncertainty of the prior mean relative to Σ, positive
     * @param annualRiskFreeRate r_f, added to the market-implied excess returns
     * @throws IllegalArgumentException naming the {@code views} field at fault
     */
    static BlackLittermanModel of(List<String> assets, double[][] annualCovariance, MarketViews views,
            double riskAversion, double tau, double annualRiskFreeRate) {
        int n = assets.size();
        RealMatrix sigma = MatrixUtils.createRealMatrix(annualCovariance);
        double[] marketWeights = marketWeights(assets, views.marketCapitalisationByAsset());
        RealVector prior = sigma.operate(new ArrayRealVector(marketWeights, false)).mapMultiply(riskAversion)
                .mapAdd(annualRiskFreeRate);

        List<double[]> picks = new ArrayList<>();
        List<Double> viewReturns = new ArrayList<>();
        List<Double> uncertaintyScales = new ArrayList<>();
        for (int v = 0; v < views.views().size(); v++) {
            InvestorView view = views.views().get(v);
            if (view.confidence().isPresent() && view.confidence().getAsDouble() == 0) {
                continue; // ω = ∞: the view carries no information
            }
            picks.add(pick(assets, view, v));
            viewReturns.add(view.expectedAnnualReturn());
            // ω / (τ pΣpᵀ): 1 for He & Litterman's default, (1 − c)/c for Idzorek's confidence c
            double confidence = view.confidence().orElse(Double.NaN);
            uncertaintyScales.add(view.confidence().isEmpty() ? 1.0 : (1 - confidence) / confidence);
        }
        RealMatrix tauSigma = sigma.scalarMultiply(tau);
        if (picks.isEmpty()) {
            return new BlackLittermanModel(assets, marketWeights, prior.toArray(), prior.toArray(),
                    sigma.add(tauSigma).getData());
        }

        int k = picks.size();
        RealMatrix p = new Array2DRowRealMatrix(picks.toArray(new double[0][]), false);
        RealMatrix tauSigmaPt = tauSigma.multiply(p.transpose());
        RealMatrix viewCovariance = p.multiply(tauSigmaPt);
        RealMatrix combined = viewCovariance.copy();
        double largest = 0;
        for (int j = 0; j < k; j++) {
            combined.addToEntry(j, j, uncertaintyScales.get(j) * viewCovariance.getEntry(j, j));
            largest = Math.max(largest, Math.abs(combined.getEntry(j, j)));
        }
        DecompositionSolver solver = new LUDecomposition(combined, 1e-12 * largest).getSolver();
        if (largest == 0 || !solver.isNonSingular()) {
            throw new IllegalArgumentException("views: the views cannot be combined, as PτΣPᵀ + Ω is singular:"
                    + " views held with confidence 1 pick linearly dependent (or riskless) portfolios;"
                    + " lower a confidence below 1 or drop a view");
        }
        RealVector surprise = new ArrayRealVector(viewReturns.stream().mapToDouble(Double::doubleValue).toArray(), false)
                .subtract(p.operate(prior));
        RealVector posterior = prior.add(tauSigmaPt.operate(solver.solve(surprise)));
        RealMatrix covariance = sigma.add(tauSigma).subtract(tauSigmaPt.multiply(solver.solve(tauSigmaPt.transpose())));
        double[][] symmetric = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                symmetric[i][j] = (covariance.getEntry(i, j) + covariance.getEntry(j, i)) / 2; // round-off only
            }
        }
        return new BlackLittermanModel(assets, marketWeights, prior.toArray(), posterior.toArray(), symmetric);
    }

    private static double[] marketWeights(List<String> assets, Map<String, Double> capitalisations) {
        for (String asset : capitalisations.keySet()) {
            if (!assets.contains(asset)) {
                throw new IllegalArgumentException("views.marketCapitalisationByAsset." + asset + ": " + asset
                        + " is not one of the assets " + assets);
            }
        }
        double[] weights = new double[assets.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            Double capitalisation = capitalisations.get(assets.get(i));
            if (capitalisation == null) {
                throw new IllegalArgumentException("views.marketCapitalisationByAsset has no market capitalisation for "
                        + assets.get(i) + "; black-litterman needs one for every asset to imply the prior returns");
            }
            weights[i] = capitalisation;
            total += capitalisation;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("views.marketCapitalisationByAsset: the capitalisations sum to " + total
                    + "; at least one must be positive");
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= total;
        }
        return weights;
    }

    private static double[] pick(List<String> assets, InvestorView view, int index) {
        double[] row = new double[assets.size()];
        for (Map.Entry<String, Double> entry : view.pickWeightByAsset().entrySet()) {
            int asset = assets.indexOf(entry.getKey());
            if (asset < 0) {
                throw new IllegalArgumentException("views.views[" + index + "].pickWeightByAsset." + entry.getKey() + ": "
                        + entry.getKey() + " is not one of the assets " + assets);
            }
            row[asset] = entry.getValue();
        }
        return row;
    }

    List<String> assets() {
        return assets;
    }

    /** The market-capitalisation weights w, summing to 1. */
    double[] marketWeights() {
        return marketWeights.clone();
    }

    /** π = r_f + δΣw, annual total returns. */
    double[] priorReturns() {
        return priorReturns.clone();
    }

    /** μ_BL, annual total returns. */
    double[] posteriorReturns() {
        return posteriorReturns.clone();
    }

    /** Σ_BL = Σ + τΣ − τΣPᵀ(PτΣPᵀ + Ω)⁻¹PτΣ, annual. */
    double[][] posteriorCovariance() {
        double[][] copy = new double[posteriorCovariance.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = posteriorCovariance[i].clone();
        }
        return copy;
    }

    /** The posterior as estimates another optimizer can run on (correlation derived from Σ_BL). */
    MarketEstimates posteriorEstimates() {
        return new MarketEstimates(assets, posteriorReturns, posteriorCovariance);
    }
}
