package io.ballast.plugins.strategies;

import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterValues;

/**
 * The formation window of a "12-1" momentum: from {@code lookbackDays} closes ago to
 * {@code skipDays} closes ago. The most recent month is skipped because one-month returns tend to
 * reverse (Jegadeesh 1990), which would blur the 12-month trend.
 *
 * <p>Both are counted in observed closes, not in calendar time: the defaults, 252 and 21, are twelve
 * months and one month of an equity market (252 trading days a year). For a market that trades
 * every day (periodsPerYear 365, crypto) twelve months are 365 closes and one month about 30; the
 * caller sets them so, the window does not scale with periodsPerYear.
 *
 * @param lookbackDays closes back to the window's first close (252: twelve months of equity trading days)
 * @param skipDays     closes back to the window's last close (21: one month of equity trading days)
 */
record MomentumWindow(int lookbackDays, int skipDays) {

    static final ParameterSpec LOOKBACK_DAYS = ParameterSpecs.integerSpec("lookbackDays",
            "Closes from the formation window's first close to the last close: 252 is 12 months of equity trading days"
                    + " (with 365 periods a year, e.g. crypto, 12 months is 365)", 252, 2, 2520);
    static final ParameterSpec SKIP_DAYS = ParameterSpecs.integerSpec("skipDays",
            "Most recent closes left out of the formation window: 21 is 1 month of equity trading days (about 30 with 365"
                    + " periods a year); at most lookbackDays - 2", 21, 0, 2518);

    static MomentumWindow read(ParameterValues parameters) {
        int lookbackDays = (int) parameters.integer(LOOKBACK_DAYS.name());
        int skipDays = (int) parameters.integer(SKIP_DAYS.name());
        if (skipDays > lookbackDays - 2) {
            // a t-statistic needs the standard deviation of at least two daily returns
            throw ParameterValues.invalid(SKIP_DAYS.name(), "must be at most lookbackDays - 2 = " + (lookbackDays - 2)
                    + " (the formation window needs at least 2 daily returns), got " + skipDays);
        }
        return new MomentumWindow(lookbackDays, skipDays);
    }

    /** The closes an asset needs: the one {@code lookbackDays} ago and every one after it. */
    int requiredCloses() {
        return lookbackDays + 1;
    }

    /** Why {@link #requiredCloses()} closes, for an error message. */
    String requirement() {
        return "lookbackDays " + lookbackDays + " + 1";
    }

    /** The daily returns inside the window. */
    int formationDays() {
        return lookbackDays - skipDays;
    }
}
