package io.ballast.plugins.strategies;

import io.ballast.api.plugin.ParameterSpec;

/**
 * The formation window of a "12-1" momentum: from {@code lookbackDays} closes ago to
 * {@code skipDays} closes ago. The most recent month is skipped because one-month returns tend to
 * reverse (Jegadeesh 1990), which would blur the 12-month trend.
 *
 * @param lookbackDays trading days back to the window's first close (252, twelve months)
 * @param skipDays     trading days back to the window's last close (21, one month)
 */
record MomentumWindow(int lookbackDays, int skipDays) {

    static final ParameterSpec LOOKBACK_DAYS = StrategyParameters.integerSpec("lookbackDays",
            "Trading days from the formation window's first close to the last close (252 = 12 months)", 252, 2, 2520);
    static final ParameterSpec SKIP_DAYS = StrategyParameters.integerSpec("skipDays",
            "Most recent trading days left out of the formation window (21 = 1 month); at most lookbackDays - 2", 21, 0, 2518);

    static MomentumWindow read(StrategyParameters parameters) {
        int lookbackDays = parameters.integer(LOOKBACK_DAYS);
        int skipDays = parameters.integer(SKIP_DAYS);
        if (skipDays > lookbackDays - 2) {
            // a t-statistic needs the standard deviation of at least two daily returns
            throw parameters.refused(SKIP_DAYS, "must be at most lookbackDays - 2 = " + (lookbackDays - 2)
                    + " (the formation window needs at least 2 daily returns)", skipDays);
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
