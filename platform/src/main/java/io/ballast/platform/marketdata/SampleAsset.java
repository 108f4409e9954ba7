package io.ballast.platform.marketdata;

import io.ballast.api.marketdata.Instrument;

/**
 * One asset of the sample universe and the parameters its prices are drawn with.
 *
 * <p>The asset's standardised daily shock is {@code sqrt(marketShare) M + sqrt(assetClassShare) C +
 * sqrt(sectorShare) S + sqrt(1 - shares) E}: the shares are the fractions of its return variance
 * that come from the market, its asset class, its sector and itself, so two assets' return
 * correlation is the sum over the factors they share of {@code sqrt(share_a * share_b)}.
 *
 * @param instrument         what is stored in the {@code asset} table
 * @param annualDrift        expected simple return per year, as a fraction (0.08 = 8 %)
 * @param annualVolatility   long-run standard deviation of returns per year, as a fraction
 * @param marketShare        fraction of return variance from the market factor
 * @param assetClassShare    fraction from the asset-class factor (the crypto cycle; zero for equities,
 *                           whose class factor is the market itself)
 * @param sectorShare        fraction from the sector factor
 * @param startPrice         the first bar's open, in the price currency
 * @param priceDecimals      the tick: prices are rounded to this many decimals
 * @param averageDailyVolume mean units traded per bar
 */
record SampleAsset(
        Instrument instrument,
        double annualDrift,
        double annualVolatility,
        double marketShare,
        double assetClassShare,
        double sectorShare,
        double startPrice,
        int priceDecimals,
        double averageDailyVolume) {

    SampleAsset {
        double systematic = marketShare + assetClassShare + sectorShare;
        if (marketShare < 0 || assetClassShare < 0 || sectorShare < 0 || systematic >= 1) {
            throw new IllegalArgumentException(instrument.id() + ": factor shares must be >= 0 and sum below 1");
        }
    }

    double idiosyncraticShare() {
        return 1 - marketShare - assetClassShare - sectorShare;
    }
}
