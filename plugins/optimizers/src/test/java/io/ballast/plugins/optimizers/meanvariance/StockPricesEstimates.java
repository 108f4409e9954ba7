package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.api.optimizer.MarketEstimates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The estimates PyPortfolioOpt's tests optimise for {@code stock_prices.csv}, computed here by the
 * conventions of DESIGN.md: daily simple returns with a missing price giving a missing return;
 * expected return the geometric mean {@code prod(1 + r)^(252 / count(r)) − 1} over each asset's own
 * returns; covariance the sample covariance (n − 1) over pairwise-complete observations × 252.
 * The data are read where they are, through the {@code ballast.shared.data} system property.
 */
final class StockPricesEstimates {

    private static final int PERIODS_PER_YEAR = 252;
    private static MarketEstimates cached;

    private StockPricesEstimates() {
    }

    static synchronized MarketEstimates load() {
        if (cached == null) {
            cached = compute(Path.of(System.getProperty("ballast.shared.data"), "stock_prices.csv"));
        }
        return cached;
    }

    private static MarketEstimates compute(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",", -1);
        List<String> assets = Arrays.asList(header).subList(1, header.length);
        int n = assets.size();
        int days = lines.size() - 1;
        double[][] prices = new double[days][n];
        for (int t = 0; t < days; t++) {
            String[] cells = lines.get(t + 1).split(",", -1);
            for (int i = 0; i < n; i++) {
                prices[t][i] = cells[i + 1].isEmpty() ? Double.NaN : Double.parseDouble(cells[i + 1]);
            }
        }
        double[][] returns = new double[days - 1][n];
        for (int t = 1; t < days; t++) {
            for (int i = 0; i < n; i++) {
                returns[t - 1][i] = prices[t][i] / prices[t - 1][i] - 1; // NaN when either price is missing
            }
        }
        double[] expected = new double[n];
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
        }
        double[][] covariance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                covariance[i][j] = pairwiseCovariance(returns, i, j) * PERIODS_PER_YEAR;
                covariance[j][i] = covariance[i][j];
            }
        }
        return new MarketEstimates(new ArrayList<>(assets), expected, covariance);
    }

    private static double pairwiseCovariance(double[][] returns, int i, int j) {
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
        double products = 0;
        for (double[] day : returns) {
            if (!Double.isNaN(day[i]) && !Double.isNaN(day[j])) {
                products += (day[i] - meanI) * (day[j] - meanJ);
            }
        }
        return products / (count - 1);
    }
}
