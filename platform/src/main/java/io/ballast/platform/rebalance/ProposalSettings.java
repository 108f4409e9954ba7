package io.ballast.platform.rebalance;

import io.ballast.platform.problem.InvalidInputException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * How a proposal sizes and prices its trades.
 *
 * @param minimumTradeNotional             a trade whose notional is below this (base currency) is skipped; 0 or more
 * @param defaultLotSize                   the unit trades are rounded to (toward zero) for an asset not in
 *                                         {@code lotSizeByAsset}: 1 for equities, 0.0001 for crypto; positive
 * @param lotSizeByAsset                   per-asset lot sizes; positive
 * @param feeBps                           the venue's fee, basis points of notional; 0 or more
 * @param defaultHalfSpreadBps             half the bid-ask spread, basis points of notional, for an asset not
 *                                         in {@code halfSpreadBpsByAsset}; 0 or more
 * @param halfSpreadBpsByAsset             per-asset half spreads; 0 or more
 * @param impactCoefficient                {@code c} of the square-root impact
 *                                         {@code c × dailyVolatility × sqrt(quantity / averageDailyVolume)},
 *                                         a fraction of notional; 0 or more (around 1 in the literature)
 * @param twapThresholdFractionOfDailyVolume a trade of more than this fraction of the asset's average daily
 *                                         volume is flagged for TWAP slicing; positive
 * @param twapSliceCount                   how many slices a flagged trade is cut into; 2 or more
 * @param benefitMultiplier                what one unit of annual tracking-error reduction is worth paying, as a
 *                                         fraction of NAV: the verdict is worth trading when
 *                                         {@code costFraction <= benefitMultiplier × trackingErrorReduction};
 *                                         positive (see {@link RebalanceVerdict})
 */
public record ProposalSettings(
        BigDecimal minimumTradeNotional,
        BigDecimal defaultLotSize,
        Map<String, BigDecimal> lotSizeByAsset,
        double feeBps,
        double defaultHalfSpreadBps,
        Map<String, Double> halfSpreadBpsByAsset,
        double impactCoefficient,
        double twapThresholdFractionOfDailyVolume,
        int twapSliceCount,
        double benefitMultiplier) {

    public ProposalSettings {
        requireNotNegative("minimumTradeNotional", minimumTradeNotional);
        requirePositive("defaultLotSize", defaultLotSize);
        lotSizeByAsset = Map.copyOf(require("lotSizeByAsset", lotSizeByAsset));
        lotSizeByAsset.forEach((asset, lot) -> requirePositive("lotSizeByAsset." + asset, lot));
        requireNotNegative("feeBps", feeBps);
        requireNotNegative("defaultHalfSpreadBps", defaultHalfSpreadBps);
        halfSpreadBpsByAsset = Map.copyOf(require("halfSpreadBpsByAsset", halfSpreadBpsByAsset));
        halfSpreadBpsByAsset.forEach((asset, bps) -> requireNotNegative("halfSpreadBpsByAsset." + asset, bps == null ? Double.NaN : bps));
        requireNotNegative("impactCoefficient", impactCoefficient);
        if (!(twapThresholdFractionOfDailyVolume > 0) || !Double.isFinite(twapThresholdFractionOfDailyVolume)) {
            throw new InvalidInputException("twapThresholdFractionOfDailyVolume", "must be a positive number, got " + twapThresholdFractionOfDailyVolume);
        }
        if (twapSliceCount < 2) {
            throw new InvalidInputException("twapSliceCount", "must be 2 or more, got " + twapSliceCount);
        }
        if (!(benefitMultiplier > 0) || !Double.isFinite(benefitMultiplier)) {
            throw new InvalidInputException("benefitMultiplier", "must be a positive number, got " + benefitMultiplier);
        }
    }

    /**
     * Defaults for equities: trades of at least 100, lots of 1, a 1 bp fee, a 5 bp half spread,
     * impact coefficient 1, TWAP above 1% of the daily volume in 10 slices, benefit multiplier 1.
     */
    public static ProposalSettings defaults() {
        return new ProposalSettings(new BigDecimal("100"), BigDecimal.ONE, Map.of(), 1, 5, Map.of(), 1, 0.01, 10, 1);
    }

    public ProposalSettings withLotSize(String asset, BigDecimal lotSize) {
        Map<String, BigDecimal> lots = new HashMap<>(lotSizeByAsset);
        lots.put(asset, lotSize);
        return new ProposalSettings(minimumTradeNotional, defaultLotSize, lots, feeBps, defaultHalfSpreadBps, halfSpreadBpsByAsset,
                impactCoefficient, twapThresholdFractionOfDailyVolume, twapSliceCount, benefitMultiplier);
    }

    public ProposalSettings withHalfSpreadBps(String asset, double halfSpreadBps) {
        Map<String, Double> spreads = new HashMap<>(halfSpreadBpsByAsset);
        spreads.put(asset, halfSpreadBps);
        return new ProposalSettings(minimumTradeNotional, defaultLotSize, lotSizeByAsset, feeBps, defaultHalfSpreadBps, spreads,
                impactCoefficient, twapThresholdFractionOfDailyVolume, twapSliceCount, benefitMultiplier);
    }

    public ProposalSettings withBenefitMultiplier(double multiplier) {
        return new ProposalSettings(minimumTradeNotional, defaultLotSize, lotSizeByAsset, feeBps, defaultHalfSpreadBps, halfSpreadBpsByAsset,
                impactCoefficient, twapThresholdFractionOfDailyVolume, twapSliceCount, multiplier);
    }

    public BigDecimal lotSize(String asset) {
        return lotSizeByAsset.getOrDefault(asset, defaultLotSize);
    }

    public double halfSpreadBps(String asset) {
        return halfSpreadBpsByAsset.getOrDefault(asset, defaultHalfSpreadBps);
    }

    private static <T> T require(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is missing");
        }
        return value;
    }

    private static void requirePositive(String field, BigDecimal value) {
        if (require(field, value).signum() <= 0) {
            throw new InvalidInputException(field, "must be positive, got " + value);
        }
    }

    private static void requireNotNegative(String field, BigDecimal value) {
        if (require(field, value).signum() < 0) {
            throw new InvalidInputException(field, "must not be negative, got " + value);
        }
    }

    private static void requireNotNegative(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidInputException(field, "must be a finite number, 0 or more, got " + value);
        }
    }
}
