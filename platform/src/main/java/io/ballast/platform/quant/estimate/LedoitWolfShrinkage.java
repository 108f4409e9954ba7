package io.ballast.platform.quant.estimate;

import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.prices.ReturnSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * Ledoit-Wolf shrinkage of the covariance towards a constant-variance target, as scikit-learn's
 * {@code ledoit_wolf} (and so PyPortfolioOpt's {@code CovarianceShrinkage.ledoit_wolf()}):
 * {@code (1 - delta) S + delta mu I}, where S is the maximum-likelihood covariance (divisor n) of
 * the centred returns, {@code mu = trace(S) / N} and the intensity delta in [0, 1] is Ledoit and
 * Wolf's (2004) estimate of the one that minimises the expected squared Frobenius loss; times the
 * periods per year.
 *
 * <p>The estimator needs a complete table, so it uses the periods in which every asset has a
 * return. PyPortfolioOpt instead fills missing returns with 0, which pretends an unlisted asset
 * did not move and shrinks its variance towards 0; we do not, as a missing return is never 0
 * here. With no missing returns the two agree.
 */
public final class LedoitWolfShrinkage {

    private LedoitWolfShrinkage() {
    }

    /** The shrunk annual covariance and the shrinkage intensity that gave it. */
    public record Estimate(double[][] annualCovariance, double shrinkage) {
    }

    /**
     * Annual shrunk covariance, in the order of {@code returns.assets()}.
     *
     * @throws InvalidInputException (field {@code prices}) when fewer than two periods have a
     *     return of every asset, or {@code periodsPerYear} is below 1
     */
    public static double[][] annualised(ReturnSeries returns, int periodsPerYear) {
        return estimate(returns, periodsPerYear).annualCovariance();
    }

    /** As {@link #annualised}, with the shrinkage intensity. */
    public static Estimate estimate(ReturnSeries returns, int periodsPerYear) {
        Annualisation.requireValid(periodsPerYear);
        int n = returns.assetCount();
        List<double[]> completeRows = new ArrayList<>();
        for (int p = 0; p < returns.periodCount(); p++) {
            double[] row = returns.periodReturns(p);
            boolean complete = true;
            for (double value : row) {
                complete &= !Double.isNaN(value);
            }
            if (complete) {
                completeRows.add(row);
            }
        }
        int periods = completeRows.size();
        if (periods < 2) {
            throw new InvalidInputException(ObservationRequirement.FIELD, "Ledoit-Wolf shrinkage needs at least two periods in"
                    + " which every asset has a return; there " + (periods == 1 ? "is 1" : "are " + periods));
        }
        double[][] x = completeRows.toArray(double[][]::new);
        double[] means = new double[n];
        for (double[] row : x) {
            for (int a = 0; a < n; a++) {
                means[a] += row[a];
            }
        }
        for (int a = 0; a < n; a++) {
            means[a] /= periods;
        }
        // sum over periods of (sum over assets of x^2)^2 is the sum of all entries of (x*x)^T (x*x)
        double fourthMoments = 0.0;
        for (double[] row : x) {
            double squares = 0.0;
            for (int a = 0; a < n; a++) {
                row[a] -= means[a];
                squares += row[a] * row[a];
            }
            fourthMoments += squares * squares;
        }

        double[][] covariance = CrossProducts.gram(x, n);
        double trace = 0.0;
        double squaredNorm = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                covariance[i][j] /= periods;
                squaredNorm += covariance[i][j] * covariance[i][j];
            }
            trace += covariance[i][i];
        }
        double mu = trace / n;
        // scikit-learn's names: beta estimates the variance of S's entries, delta the distance of S from mu I
        double beta = (fourthMoments / periods - squaredNorm) / ((double) n * periods);
        double delta = (squaredNorm - 2.0 * mu * trace + n * mu * mu) / n;
        // capped at delta so the intensity stays within [0, 1]; one asset (delta 0) is not shrunk
        double shrinkage = delta > 0.0 ? Math.max(0.0, Math.min(beta, delta)) / delta : 0.0;

        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                covariance[i][j] *= 1.0 - shrinkage;
            }
            covariance[i][i] += shrinkage * mu;
        }
        return new Estimate(Annualisation.annualise(covariance, periodsPerYear), shrinkage);
    }
}
