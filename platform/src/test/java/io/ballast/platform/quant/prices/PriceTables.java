package io.ballast.platform.quant.prices;

import io.ballast.api.marketdata.PriceHistory;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Price histories written the way a price table reads, one row a day, for the quant tests. */
public final class PriceTables {

    private PriceTables() {
    }

    /** {@code closesByDay[d][a]} is the close of {@code assets.get(a)} on {@code dates.get(d)}; NaN for none. */
    public static PriceHistory byDay(List<LocalDate> dates, List<String> assets, double[][] closesByDay) {
        Map<String, double[]> closesByAsset = new LinkedHashMap<>();
        for (int a = 0; a < assets.size(); a++) {
            double[] closes = new double[closesByDay.length];
            for (int d = 0; d < closes.length; d++) {
                closes[d] = closesByDay[d][a];
            }
            closesByAsset.put(assets.get(a), closes);
        }
        return new PriceHistory(dates, closesByAsset);
    }
}
