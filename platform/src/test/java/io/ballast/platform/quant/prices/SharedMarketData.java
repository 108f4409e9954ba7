package io.ballast.platform.quant.prices;

import io.ballast.api.marketdata.PriceHistory;
import java.nio.file.Path;

/**
 * The public market data the tests read where it is ({@code ../shared/data/}, found through the
 * system property {@code ballast.shared.data}): PyPortfolioOpt's test prices of 20 US stocks and
 * of SPY.
 */
public final class SharedMarketData {

    /** The tickers of stock_prices.csv, in its column order. */
    public static final String[] STOCK_TICKERS = {"GOOG", "AAPL", "FB", "BABA", "AMZN", "GE", "AMD", "WMT", "BAC", "GM", "T",
        "UAA", "SHLD", "XOM", "RRC", "BBY", "MA", "PFE", "JPM", "SBUX"};

    private static PriceHistory stockPrices;
    private static PriceHistory spyPrices;

    private SharedMarketData() {
    }

    public static synchronized PriceHistory stockPrices() {
        if (stockPrices == null) {
            stockPrices = PriceHistoryCsv.read(file("stock_prices.csv"));
        }
        return stockPrices;
    }

    public static synchronized PriceHistory spyPrices() {
        if (spyPrices == null) {
            spyPrices = PriceHistoryCsv.read(file("spy_prices.csv"));
        }
        return spyPrices;
    }

    public static Path file(String name) {
        String folder = System.getProperty("ballast.shared.data");
        if (folder == null) {
            throw new IllegalStateException("the system property ballast.shared.data is not set (the parent pom sets it for surefire)");
        }
        return Path.of(folder, name);
    }
}
