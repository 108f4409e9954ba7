package io.ballast.plugins.marketdata.synthetic;

import io.ballast.api.marketdata.PriceBar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The day-by-day prices of some assets, from the first trading day on or after the start day,
 * when every asset closes at the start price, onwards. A later day's bar opens at the day before's
 * close, closes at that close times the day's growth, has high and low the larger and smaller of
 * the two and volume zero (the models know only closes). Prices are the doubles computed,
 * unrounded; a path that grows past the largest double or shrinks to zero is an error. Not thread-safe: one path serves one call or one stream.
 */
final class SyntheticPath {

    private final TradingCalendar calendar;
    private final LocalDate startDay;
    private final List<String> assets;
    private final DailyGrowth growth;
    private final double[] closes;
    private final double[] growthByAsset;
    private LocalDate day;

    SyntheticPath(TradingCalendar calendar, LocalDate startDay, double startPrice, List<String> assets, DailyGrowth growth) {
        this.calendar = calendar;
        this.startDay = startDay;
        this.assets = List.copyOf(assets);
        this.growth = growth;
        this.closes = new double[assets.size()];
        this.growthByAsset = new double[assets.size()];
        Arrays.fill(closes, startPrice);
    }

    /** The day of the bars {@link #next()} gave last. */
    LocalDate day() {
        return day;
    }

    /** The next trading day's bars, one per asset in the path's order. */
    List<PriceBar> next() {
        if (day == null) {
            day = calendar.firstOnOrAfter(startDay);
            Arrays.fill(growthByAsset, 1);
        } else {
            day = calendar.after(day);
            growth.next(growthByAsset);
        }
        List<PriceBar> bars = new ArrayList<>(assets.size());
        for (int i = 0; i < assets.size(); i++) {
            double open = closes[i];
            double close = open * growthByAsset[i];
            if (!(close > 0 && close < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("asset " + assets.get(i) + ": its synthetic price leaves the numbers a double holds on "
                        + day + " (" + open + " times " + growthByAsset[i] + "); ask for fewer days after startDay, or a smaller drift or startPrice");
            }
            closes[i] = close;
            bars.add(new PriceBar(assets.get(i), day.atStartOfDay(ZoneOffset.UTC).toInstant(), decimal(open),
                    decimal(Math.max(open, close)), decimal(Math.min(open, close)), decimal(close), BigDecimal.ZERO));
        }
        return bars;
    }

    private static BigDecimal decimal(double price) {
        return BigDecimal.valueOf(price);
    }
}
