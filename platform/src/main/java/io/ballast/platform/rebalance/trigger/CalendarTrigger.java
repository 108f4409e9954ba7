package io.ballast.platform.rebalance.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires when the schedule's latest due time at or before now is after the last rebalance (a
 * portfolio never rebalanced is due). Its measure is the days since the last rebalance (or since
 * the due time when never), against the days between them.
 */
public record CalendarTrigger(CalendarSchedule schedule) implements Trigger {

    public CalendarTrigger {
        Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.CALENDAR;
    }

    @Override
    public Optional<TriggerFiring> evaluate(TriggerInputs inputs) {
        return evaluate(inputs.at(), inputs.lastRebalanceAt());
    }

    /** @param lastRebalanceAt null when the portfolio was never rebalanced */
    public Optional<TriggerFiring> evaluate(Instant now, Instant lastRebalanceAt) {
        Instant due = schedule.dueAt(now, lastRebalanceAt);
        boolean fired = !due.isAfter(now) && (lastRebalanceAt == null || due.isAfter(lastRebalanceAt));
        if (!fired) {
            return Optional.empty();
        }
        Instant since = lastRebalanceAt == null ? due : lastRebalanceAt;
        double elapsedDays = Duration.between(since, now).toSeconds() / 86_400.0;
        double scheduledDays = Duration.between(since, due).toSeconds() / 86_400.0;
        String last = lastRebalanceAt == null ? "never rebalanced" : "last rebalanced " + lastRebalanceAt;
        return Optional.of(TriggerFiring.system(kind(), now, "rebalance due " + due + " (" + schedule + "), " + last,
                List.of(new TriggerMeasure("days since last rebalance", elapsedDays, scheduledDays))));
    }
}
