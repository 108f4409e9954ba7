package io.ballast.platform.marketdata;

import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import java.util.List;
import java.util.Objects;

/**
 * A generated market: the instruments and their daily bars, ordered by day, then in instrument order.
 */
public record SampleMarket(List<Instrument> instruments, List<PriceBar> bars) {

    public SampleMarket {
        instruments = List.copyOf(Objects.requireNonNull(instruments, "instruments"));
        bars = List.copyOf(Objects.requireNonNull(bars, "bars"));
    }
}
