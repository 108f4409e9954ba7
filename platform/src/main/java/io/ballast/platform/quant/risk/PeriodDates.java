package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;
import java.time.LocalDate;
import java.util.List;

/**
 * The date each period of a return series ends on (the date of the later price of
 * {@code p_t / p_(t-1) - 1}), one per period, strictly increasing.
 */
public record PeriodDates(List<LocalDate> dates) {

    public PeriodDates {
        if (dates == null || dates.isEmpty()) {
            throw new InvalidInputException("periodDates", "must give one date per period");
        }
        for (int t = 0; t < dates.size(); t++) {
            if (dates.get(t) == null) {
                throw new InvalidInputException("periodDates", "period " + t + " has no date");
            }
            if (t > 0 && !dates.get(t).isAfter(dates.get(t - 1))) {
                throw new InvalidInputException("periodDates", "must be strictly increasing; " + dates.get(t) + " follows "
                        + dates.get(t - 1));
            }
        }
        dates = List.copyOf(dates);
    }

    /** Rejects a series of a different length. */
    public PeriodDates requireCount(int periodCount) {
        if (dates.size() != periodCount) {
            throw new InvalidInputException("periodDates", "must give one date per period (" + periodCount + "), got " + dates.size());
        }
        return this;
    }

    public LocalDate get(int period) {
        return dates.get(period);
    }

    public int size() {
        return dates.size();
    }
}
