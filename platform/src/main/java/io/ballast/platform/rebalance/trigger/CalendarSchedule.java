package io.ballast.platform.rebalance.trigger;

import io.ballast.platform.problem.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a calendar trigger is due. Two forms cover the usual rebalancing calendars without a cron
 * parser: a fixed interval since the last rebalance, and a day of the month.
 */
public sealed interface CalendarSchedule {

    /**
     * The latest due time at or before {@code now}, given the last rebalance ({@code null}: never);
     * the trigger fires when it is after the last rebalance.
     */
    Instant dueAt(Instant now, Instant lastRebalanceAt);

    /**
     * Every {@code days} days after the last rebalance: due at {@code lastRebalance + days × 24 h};
     * a portfolio never rebalanced is due at once.
     */
    record EveryDays(int days) implements CalendarSchedule {

        public EveryDays {
            if (days < 1) {
                throw new InvalidInputException("calendar.everyDays", "must be at least 1, got " + days);
            }
        }

        @Override
        public Instant dueAt(Instant now, Instant lastRebalanceAt) {
            return lastRebalanceAt == null ? now : lastRebalanceAt.plus(Duration.ofDays(days));
        }

        @Override
        public String toString() {
            return "every " + days + " days";
        }
    }

    /**
     * Monthly, at the start of day {@code dayOfMonth} in {@code zone}; in a shorter month, on its
     * last day (31 means the month's end).
     */
    record MonthlyOnDay(int dayOfMonth, ZoneId zone) implements CalendarSchedule {

        public MonthlyOnDay {
            if (dayOfMonth < 1 || dayOfMonth > 31) {
                throw new InvalidInputException("calendar.dayOfMonth", "must be from 1 to 31, got " + dayOfMonth);
            }
            Objects.requireNonNull(zone, "zone");
        }

        @Override
        public Instant dueAt(Instant now, Instant lastRebalanceAt) {
            LocalDate today = now.atZone(zone).toLocalDate();
            Instant thisMonth = dayIn(today);
            return thisMonth.isAfter(now) ? dayIn(today.minusMonths(1)) : thisMonth;
        }

        private Instant dayIn(LocalDate month) {
            LocalDate date = month.withDayOfMonth(Math.min(dayOfMonth, month.lengthOfMonth()));
            return ZonedDateTime.of(date.atStartOfDay(), zone).toInstant();
        }

        @Override
        public String toString() {
            return "monthly on day " + dayOfMonth + " (" + zone + ")";
        }
    }
}
