package io.ballast.platform.marketdata;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import java.util.List;

/**
 * The invented assets of the sample market: 16 equities in six sectors and 4 crypto assets. Names
 * and tickers are made up (any likeness to a listed company is chance) and no real price history is
 * used: parameters are typical of their kind, e.g. technology more volatile than consumer staples,
 * crypto three times as volatile as equities.
 */
final class SampleUniverse {

    private SampleUniverse() {
    }

    static final List<SampleAsset> ASSETS = List.of(
            // Technology: high growth, high volatility, strongly tied to the market
            equity("NVLX", "Novalux Semiconductors", "Technology", 0.14, 0.38, 0.40, 0.30, 145.0, 9_000_000),
            equity("QBTR", "Qubitra Systems", "Technology", 0.12, 0.33, 0.40, 0.30, 88.0, 6_500_000),
            equity("CLWV", "Cloudweave Software", "Technology", 0.11, 0.30, 0.38, 0.30, 212.0, 3_200_000),
            // Financials: rate-driven sector moves
            equity("HRBK", "Harborline Bancorp", "Financials", 0.09, 0.26, 0.35, 0.35, 47.0, 12_000_000),
            equity("SLVC", "Silvercrest Capital", "Financials", 0.08, 0.24, 0.35, 0.35, 63.0, 5_400_000),
            equity("KSTA", "Keystane Assurance", "Financials", 0.07, 0.21, 0.33, 0.33, 118.0, 2_100_000),
            // Energy: the oil price is a strong sector factor
            equity("PTRX", "Petraxis Energy", "Energy", 0.07, 0.32, 0.25, 0.45, 72.0, 8_800_000),
            equity("BRMO", "Brenmoor Oil & Gas", "Energy", 0.06, 0.36, 0.25, 0.45, 34.0, 7_300_000),
            equity("SOLQ", "Solquent Renewables", "Energy", 0.10, 0.40, 0.25, 0.30, 26.0, 4_600_000),
            // Health care: defensive, more stock-specific (trial results)
            equity("MDXA", "Medixa Therapeutics", "Health Care", 0.09, 0.28, 0.25, 0.25, 96.0, 3_900_000),
            equity("CRVX", "Curavex Health", "Health Care", 0.07, 0.20, 0.30, 0.30, 154.0, 2_700_000),
            equity("GNMQ", "Genomiq Labs", "Health Care", 0.12, 0.39, 0.22, 0.25, 41.0, 5_100_000),
            // Consumer: staples and discretionary, the least volatile
            equity("ORCF", "Orchardfield Foods", "Consumer", 0.06, 0.17, 0.30, 0.35, 58.0, 4_200_000),
            equity("LMBL", "Lumabelle Apparel", "Consumer", 0.09, 0.29, 0.35, 0.30, 37.0, 3_300_000),
            // Industrials: cyclical
            equity("FRGL", "Forgeline Industries", "Industrials", 0.08, 0.25, 0.38, 0.30, 131.0, 2_900_000),
            equity("AXWK", "Axleworks Logistics", "Industrials", 0.09, 0.27, 0.38, 0.30, 79.0, 3_600_000),
            // Crypto: a common crypto cycle, little equity-market exposure, traded every day
            crypto("ARCD-USD", "Arcadia Chain", "Layer 1", 0.35, 0.68, 40_000.0, 2, 28_000),
            crypto("NMBX-USD", "Nimbex Network", "Layer 1", 0.40, 0.82, 2_100.0, 2, 310_000),
            crypto("VLTP-USD", "Voltpay", "Payments", 0.25, 0.75, 0.52, 5, 650_000_000),
            crypto("TSSL-USD", "Tessel Settlement", "Payments", 0.30, 0.88, 8.40, 4, 21_000_000));

    private static SampleAsset equity(String id, String name, String sector, double drift, double volatility,
            double marketShare, double sectorShare, double startPrice, double averageDailyVolume) {
        return new SampleAsset(new Instrument(id, name, AssetClass.EQUITY, sector, "USD"),
                drift, volatility, marketShare, 0, sectorShare, startPrice, 2, averageDailyVolume);
    }

    private static SampleAsset crypto(String id, String name, String sector, double drift, double volatility,
            double startPrice, int priceDecimals, double averageDailyVolume) {
        return new SampleAsset(new Instrument(id, name, AssetClass.CRYPTO, sector, "USD"),
                drift, volatility, 0.05, 0.45, 0.15, startPrice, priceDecimals, averageDailyVolume);
    }
}
