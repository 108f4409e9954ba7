package io.ballast.plugins.optimizers;

import io.ballast.api.optimizer.MarketEstimates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Annualised estimates for PyPortfolioOpt's {@code stock_prices.csv} (read where it lies, in the
 * shared data folder) by the DESIGN.md conventions: daily simple returns with a missing price
 * giving a missing return; geometric mean return over each asset's own returns; sample
 * covariance (n − 1) and Pearson correlation, each pair over the days both returns exist;
 * 252 periods a year. Written plainly here, independently of the platform's estimators. Shared
 * by the tests of every optimizer, computed once.
 */
public final class StockPricesEstimates {

    public static final int PERIODS_PER_YEAR = 252;
    private static MarketEstimates cached;

    private StockPricesEstimates() {
    }

    public static synchronized MarketEstimates load() {
        if (cached == null) {
            cached = compute(Path.of(System.getProperty("ballast.shared.data"), "stock_prices.csv"));
        }
        return cached;
    }

    private static MarketEstimates compute(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",", -1);
        List<String> assets = Arrays.asList(header).subList(1, header.length);
        int n = assets.size();
        double[][] prices = new double[lines.size() - 1][n];
        for (int t = 1; t < lines.size(); t++) {
            String[] cells = lines.get(t).split(",", -1);
            for (int i = 0; i < n; i++) {
                prices[t - 1][i] = cells[i + 1].isEmpty() ? Double.NaN : Double.parseDouble(cells[i + 1]);
            }
        }
        double[][] returns = new double[prices.length - 1][n];
        for (int t = 1; t < prices.length; t++) {
            for (int i = 0; i < n; i++) {
                returns[t - 1][i] = prices[t][i] / prices[t - 1][i] - 1; // NaN when either price is missing
            }
        }
        double[] expected = new double[n];
        double[][] covariance = new double[n][n];
        double[][] correlation = new double[n][n];
        for (int i = 0; i < n; i++) {
            double logGrowth = 0;
            int count = 0;
            for (double[] day : returns) {
                if (!Double.isNaN(day[i])) {
                    logGrowth += Math.log1p(day[i]);
                    count++;
                }
            }
            expected[i] = Math.exp(logGrowth * PERIODS_PER_YEAR / count) - 1;
            for (int j = 0; j < n; j++) {
                double[] pair = pairwise(returns, i, j);
                covariance[i][j] = pair[0] * PERIODS_PER_YEAR;
                correlation[i][j] = i == j ? 1.0 : pair[1];
            }
        }
        return new MarketEstimates(assets, expected, covariance, correlation);
    }

    /** Sample covariance and Pearson correlation of columns i and j over the days both exist. */
    private static double[] pairwise(double[][] returns, int i, int j) {
        double sumI = 0;
        double sumJ = 0;
        int count = 0;
        for (double[] day : returns) {
            if (!Double.isNaN(day[i]) && !Double.isNaN(day[j])) {
                sumI += day[i];
                sumJ += day[j];
                count++;
            }
        }
        double meanI = sumI / count;
        double meanJ = sumJ / count;
        double cross = 0;
        double squaresI = 0;
        double squaresJ = 0;
        for (double[] day : returns) {
            if (!Double.isNaN(day[i]) && !Double.isNaN(day[j])) {
                cross += (day[i] - meanI) * (day[j] - meanJ);
                squaresI += (day[i] - meanI) * (day[i] - meanI);
                squaresJ += (day[j] - meanJ) * (day[j] - meanJ);
            }
        }
        return new double[] {cross / (count - 1), cross / Math.sqrt(squaresI * squaresJ)};
    }
}
