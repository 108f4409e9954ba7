package io.ballast.platform.rebalance;

import io.ballast.platform.problem.InvalidInputException;

/**
 * What the market-impact and TWAP estimates need to know about an asset.
 *
 * @param dailyVolatilityFraction the daily volatility of its returns, a fraction (0.02 is 2% a day); not negative
 * @param averageDailyVolume      units traded on an average day; positive
 */
public record AssetLiquidity(double dailyVolatilityFraction, double averageDailyVolume) {

    public AssetLiquidity {
        if (!Double.isFinite(dailyVolatilityFraction) || dailyVolatilityFraction < 0) {
            throw new InvalidInputException("dailyVolatilityFraction", "must be a finite number, 0 or more, got " + dailyVolatilityFraction);
        }
        if (!Double.isFinite(averageDailyVolume) || averageDailyVolume <= 0) {
            throw new InvalidInputException("averageDailyVolume", "must be a positive number, got " + averageDailyVolume);
        }
    }
}
