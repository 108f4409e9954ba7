package io.ballast.plugins.marketdata.synthetic;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Geometric Brownian motion {@code dS = mu S dt + sigma S dW}, stepped exactly: each trading day
 * {@code close_t = close_(t-1) * exp((mu - sigma^2/2) dt + sigma sqrt(dt) Z)} with
 * {@code dt = 1 / periodsPerYear} and Z standard normal. So daily log returns have mean
 * {@code (mu - sigma^2/2) / periodsPerYear} and variance {@code sigma^2 / periodsPerYear}.
 * Each asset draws from its own Well19937c generator seeded by the seed and the asset id, so
 * assets are independent and an asset's path does not depend on which others are asked for.
 * Well19937c's normal draws are pure Java, and the exponential is {@link StrictMath#exp}: the
 * same seed gives the same bars on every JVM.
 *
 * @param assets           the asset ids
 * @param annualDrift      mu, an annual fraction (0.07 is 7 % a year)
 * @param annualVolatility sigma, an annual fraction, zero or more
 * @param periodsPerYear   trading days a year
 * @param seed             the seed
 */
record GeometricBrownianMotion(List<String> assets, double annualDrift, double annualVolatility, int periodsPerYear, long seed)
        implements PriceModel {

    GeometricBrownianMotion {
        assets = List.copyOf(assets);
    }

    @Override
    public DailyGrowth start(List<String> chosen) {
        double dailyLogDrift = (annualDrift - annualVolatility * annualVolatility / 2) / periodsPerYear;
        double dailyVolatility = annualVolatility / Math.sqrt(periodsPerYear);
        RandomGenerator[] generators = chosen.stream().map(asset -> (RandomGenerator) new Well19937c(seedOf(asset))).toArray(RandomGenerator[]::new);
        return growth -> {
            for (int i = 0; i < generators.length; i++) {
                // StrictMath: the same bits on every JVM (Math.exp may differ by an ulp), so a seed names one path everywhere
                growth[i] = StrictMath.exp(dailyLogDrift + dailyVolatility * generators[i].nextGaussian());
            }
        };
    }

    /** The seed's two halves, then the asset id's characters: distinct assets get distinct generator seeds. */
    private int[] seedOf(String asset) {
        int[] words = new int[2 + asset.length()];
        words[0] = (int) (seed >>> 32);
        words[1] = (int) seed;
        for (int i = 0; i < asset.length(); i++) {
            words[2 + i] = asset.charAt(i);
        }
        return words;
    }
}
