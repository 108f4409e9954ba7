package io.ballast.platform.quant.estimate;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.platform.quant.prices.PriceTables;
import io.ballast.platform.quant.prices.ReturnSeries;
import io.ballast.platform.quant.prices.SharedMarketData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small hand-made return tables, and the shared stock prices' returns, for the estimator tests. */
final class ReturnTables {

    static final double NA = Double.NaN;
    static final LocalDate FIRST_DAY = LocalDate.parse("2024-01-01");

    /** PyPortfolioOpt's dummy prices (tests/test_risk_models.py, test_sample_cov_dummy), five days of three assets. */
    static final double[][] PYPORTFOLIOOPT_DUMMY_PRICES = {
        {4.0, 2.0, 0.6},
        {4.2, 2.1, 0.59},
        {3.9, 2.0, 0.58},
        {4.3, 2.1, 0.62},
        {4.1, 2.2, 0.63},
    };

    private static ReturnSeries stockReturns;

    private ReturnTables() {
    }

    /** Returns on consecutive days from 2024-01-02, one row per period, assets named A, B, C, ... */
    static ReturnSeries returns(double[][] rows) {
        List<String> assets = new ArrayList<>();
        for (int a = 0; a < rows[0].length; a++) {
            assets.add(String.valueOf((char) ('A' + a)));
        }
        return new ReturnSeries(days(1, rows.length), assets, rows);
    }

    /** Returns with one column per array: {@code columns(a, b)} is assets A and B. */
    static ReturnSeries columns(double[]... columns) {
        double[][] rows = new double[columns[0].length][columns.length];
        for (int p = 0; p < rows.length; p++) {
            for (int a = 0; a < columns.length; a++) {
                rows[p][a] = columns[a][p];
            }
        }
        return returns(rows);
    }

    static PriceHistory prices(double[][] closes) {
        List<String> assets = new ArrayList<>();
        for (int a = 0; a < closes[0].length; a++) {
            assets.add(String.valueOf((char) ('A' + a)));
        }
        return PriceTables.byDay(days(0, closes.length), assets, closes);
    }

    static List<LocalDate> days(int from, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            days.add(FIRST_DAY.plusDays(from + d));
        }
        return days;
    }

    static synchronized ReturnSeries stockReturns() {
        if (stockReturns == null) {
            stockReturns = ReturnSeries.simple(SharedMarketData.stockPrices());
        }
        return stockReturns;
    }

    static int stock(String ticker) {
        int index = Arrays.asList(SharedMarketData.STOCK_TICKERS).indexOf(ticker);
        if (index < 0) {
            throw new IllegalArgumentException(ticker);
        }
        return index;
    }
}
