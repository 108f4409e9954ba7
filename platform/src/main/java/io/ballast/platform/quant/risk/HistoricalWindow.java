package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;
import java.time.LocalDate;

/**
 * A stretch of history to replay on today's portfolio, e.g. {@code ("covid crash", 2020-02-19,
 * 2020-03-23)}: the periods whose end dates lie in {@code [from, to]}, both inclusive.
 *
 * @param name what the window is called in reports, not blank
 * @param from first period end date in the window
 * @param to last period end date in the window, not before {@code from}
 */
public record HistoricalWindow(String name, LocalDate from, LocalDate to) {

    public HistoricalWindow {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("historicalWindows", "a window has no name");
        }
        if (from == null || to == null) {
            throw new InvalidInputException("historicalWindows", "window '" + name + "' needs both a from and a to date");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("historicalWindows", "window '" + name + "' ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
