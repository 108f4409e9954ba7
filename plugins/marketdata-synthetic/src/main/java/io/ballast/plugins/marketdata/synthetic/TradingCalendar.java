package io.ballast.plugins.marketdata.synthetic;

import io.ballast.api.marketdata.AssetClass;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The days a synthetic market trades and how many of them make a year: equities Monday to Friday
 * (no holidays) annualised by 252, crypto every day annualised by 365, as DESIGN.md annualises.
 *
 * <p>A calendar year has about 261 weekdays, not 252: the nine or so exchange holidays are not
 * left out here. So a year of synthetic equity bars is about 261 of them, and its drift and
 * volatility over a calendar year come out about 261/252 (3.6 %) larger in variance than the
 * parameters say; over 252 bars they are as given. Annualising by 252 keeps the synthetic
 * returns on the convention the rest of the platform uses for equities.
 */
enum TradingCalendar {

    WEEKDAYS(252),
    EVERY_DAY(365);

    private final int periodsPerYear;

    TradingCalendar(int periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    static TradingCalendar of(AssetClass assetClass) {
        return switch (assetClass) {
            case EQUITY -> WEEKDAYS;
            case CRYPTO -> EVERY_DAY;
        };
    }

    /** Trading periods in a year: one step of a path is {@code 1 / periodsPerYear} of a year. */
    int periodsPerYear() {
        return periodsPerYear;
    }

    boolean trades(LocalDate day) {
        return this == EVERY_DAY || (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
    }

    LocalDate firstOnOrAfter(LocalDate day) {
        LocalDate trading = day;
        while (!trades(trading)) {
            trading = trading.plusDays(1);
        }
        return trading;
    }

    LocalDate after(LocalDate day) {
        return firstOnOrAfter(day.plusDays(1));
    }
}
