package io.ballast.platform.quant.prices;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.platform.problem.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;

/**
 * Per-period returns of a universe of assets: {@code returns[period][asset]} as fractions (0.01
 * is 1% over the period), NaN where an asset has no return that period. The date of a period is
 * its closing date. Immutable: accessors return copies, and {@link #returnAt} reads one value
 * without copying for code that walks all of them.
 *
 * <p>From prices, the return on date t is measured from the asset's previous price in the
 * history: the date before, or across a gap inside its listing (a weekend in a calendar shared
 * with crypto, a trading halt) the last date it had a price, so the move over the gap is counted
 * once, on the day trading resumes. A date without a price, and every date before an asset's
 * first price, has a missing return (NaN), never 0. Without gaps this is pandas'
 * {@code pct_change(fill_method=None)}. A period in which no asset has a return is left out, as
 * PyPortfolioOpt's {@code returns_from_prices} does ({@code dropna(how="all")}).
 */
public final class ReturnSeries {

    static final String FIELD = "returns";

    private final List<LocalDate> dates;
    private final List<String> assets;
    private final double[][] returns;

    /**
     * @param dates closing date of each period, ascending and unique
     * @param assets unique, non-blank identifiers
     * @param returns one row per period, one column per asset; finite, or NaN for none
     * @throws InvalidInputException (field {@code returns}) when any of the above does not hold
     */
    public ReturnSeries(List<LocalDate> dates, List<String> assets, double[][] returns) {
        this(deepCopy(Objects.requireNonNull(returns, "returns")), dates, assets);
    }

    /** Takes ownership of {@code returns}: the factories build it fresh, so it is not copied again. */
    private ReturnSeries(double[][] returns, List<LocalDate> dates, List<String> assets) {
        this.dates = List.copyOf(Objects.requireNonNull(dates, "dates"));
        this.assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
        requireAscending(FIELD, this.dates);
        requireUniqueAssets(FIELD, this.assets);
        if (returns.length != this.dates.size()) {
            throw new InvalidInputException(FIELD, returns.length + " rows of returns for " + this.dates.size() + " dates");
        }
        this.returns = new double[returns.length][];
        for (int p = 0; p < returns.length; p++) {
            if (returns[p].length != this.assets.size()) {
                throw new InvalidInputException(FIELD, "the returns of " + this.dates.get(p) + " have " + returns[p].length
                        + " entries for " + this.assets.size() + " assets");
            }
            this.returns[p] = returns[p];
            for (int a = 0; a < this.assets.size(); a++) {
                if (Double.isInfinite(this.returns[p][a])) {
                    throw new InvalidInputException(FIELD, this.assets.get(a) + " on " + this.dates.get(p) + ": the return is infinite");
                }
            }
        }
    }

    /**
     * Simple returns {@code p_t / p_(t-1) - 1}.
     *
     * @throws InvalidInputException (field {@code prices}) when the prices break the
     *     {@link PriceHistoryRequirement}
     */
    public static ReturnSeries simple(PriceHistory prices) {
        return of(prices, (previous, current) -> current / previous - 1.0);
    }

    /**
     * Logarithmic returns {@code ln(p_t / p_(t-1))}.
     *
     * @throws InvalidInputException (field {@code prices}) when the prices break the
     *     {@link PriceHistoryRequirement}
     */
    public static ReturnSeries logarithmic(PriceHistory prices) {
        return of(prices, (previous, current) -> Math.log(current / previous));
    }

    private static ReturnSeries of(PriceHistory prices, DoubleBinaryOperator returnOf) {
        PriceHistoryRequirement.requireMeasurable(prices, PriceHistoryRequirement.FIELD);
        List<String> assets = prices.assets();
        int assetCount = assets.size();
        // one copy of each asset's closes, read by index below
        double[][] closesByAsset = new double[assetCount][];
        for (int a = 0; a < assetCount; a++) {
            closesByAsset[a] = prices.closes(assets.get(a));
        }
        List<LocalDate> dates = prices.dates();
        List<LocalDate> periodDates = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        double[] previousClose = new double[assetCount];
        for (int a = 0; a < assetCount; a++) {
            previousClose[a] = closesByAsset[a][0];
        }
        for (int d = 1; d < dates.size(); d++) {
            double[] row = new double[assetCount];
            boolean anyReturn = false;
            for (int a = 0; a < assetCount; a++) {
                double close = closesByAsset[a][d];
                // NaN on either side propagates: no price today, or none yet, gives a missing return
                row[a] = returnOf.applyAsDouble(previousClose[a], close);
                if (!Double.isNaN(close)) {
                    previousClose[a] = close;
                }
                anyReturn |= !Double.isNaN(row[a]);
            }
            if (anyReturn) {
                periodDates.add(dates.get(d));
                rows.add(row);
            }
        }
        return new ReturnSeries(rows.toArray(double[][]::new), periodDates, assets);
    }

    public List<LocalDate> dates() {
        return dates;
    }

    public List<String> assets() {
        return assets;
    }

    public int periodCount() {
        return dates.size();
    }

    public int assetCount() {
        return assets.size();
    }

    /** One asset's return in one period (indices into {@link #dates()} and {@link #assets()}); NaN for none. */
    public double returnAt(int period, int asset) {
        return returns[period][asset];
    }

    /** A copy of one period's returns, one per asset. */
    public double[] periodReturns(int period) {
        return returns[period].clone();
    }

    /** A copy of all returns, {@code [period][asset]}. */
    public double[][] returns() {
        return deepCopy(returns);
    }

    /** How many periods have a return of this asset. */
    public int observationCount(int asset) {
        int count = 0;
        for (double[] row : returns) {
            if (!Double.isNaN(row[asset])) {
                count++;
            }
        }
        return count;
    }

    /** Whether every asset has a return in every period. */
    public boolean isComplete() {
        for (double[] row : returns) {
            for (double value : row) {
                if (Double.isNaN(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[][] deepCopy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int row = 0; row < matrix.length; row++) {
            copy[row] = matrix[row].clone();
        }
        return copy;
    }

    private static void requireAscending(String field, List<LocalDate> dates) {
        for (int d = 1; d < dates.size(); d++) {
            if (!dates.get(d).isAfter(dates.get(d - 1))) {
                throw new InvalidInputException(field, "date " + dates.get(d) + " follows " + dates.get(d - 1)
                        + "; dates must ascend without repeats");
            }
        }
    }

    static void requireUniqueAssets(String field, List<String> assets) {
        if (assets.isEmpty()) {
            throw new InvalidInputException(field, "there are no assets");
        }
        Set<String> seen = new HashSet<>();
        for (String asset : assets) {
            if (asset == null || asset.isBlank()) {
                throw new InvalidInputException(field, "an asset has a blank name");
            }
            if (!seen.add(asset)) {
                throw new InvalidInputException(field, "asset " + asset + " appears twice");
            }
        }
    }
}
