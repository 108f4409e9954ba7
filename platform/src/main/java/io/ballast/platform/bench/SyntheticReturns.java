package io.ballast.platform.bench;

import io.ballast.platform.quant.prices.ReturnSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Daily returns of a seeded five-factor market, for benchmarks: assets load on a market factor and
 * four sector-like factors, plus their own noise and a small drift, so the covariance is full rank
 * and realistically correlated, and some assets beat a 2% risk-free rate.
 */
final class SyntheticReturns {

    private static final int FACTORS = 5;

    private SyntheticReturns() {
    }

    static ReturnSeries generate(long seed, int assets, int periods) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] loadings = new double[assets][FACTORS];
        double[] drift = new double[assets];
        double[] ownVolatility = new double[assets];
        for (int asset = 0; asset < assets; asset++) {
            loadings[asset][0] = 0.5 + random.nextDouble();
            for (int factor = 1; factor < FACTORS; factor++) {
                loadings[asset][factor] = random.nextDouble() - 0.5;
            }
            drift[asset] = random.nextDouble() * 0.0012 - 0.0002;
            ownVolatility[asset] = 0.005 + random.nextDouble() * 0.02;
        }
        double[][] returns = new double[periods][assets];
        List<LocalDate> dates = new ArrayList<>(periods);
        LocalDate day = LocalDate.of(2000, 1, 3);
        double[] factorReturns = new double[FACTORS];
        for (int period = 0; period < periods; period++) {
            for (int factor = 0; factor < FACTORS; factor++) {
                factorReturns[factor] = random.nextGaussian() * (factor == 0 ? 0.01 : 0.006);
            }
            for (int asset = 0; asset < assets; asset++) {
                double value = drift[asset] + ownVolatility[asset] * random.nextGaussian();
                for (int factor = 0; factor < FACTORS; factor++) {
                    value += loadings[asset][factor] * factorReturns[factor];
                }
                returns[period][asset] = value;
            }
            dates.add(day);
            day = day.plusDays(1);
        }
        List<String> ids = new ArrayList<>(assets);
        for (int asset = 0; asset < assets; asset++) {
            ids.add(String.format("A%04d", asset));
        }
        return new ReturnSeries(dates, ids, returns);
    }
}
