package io.ballast.platform.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * The triggers that propose a rebalance of one portfolio by themselves (key
 * {@code rebalance.portfolios[].triggers}); each may be left out (null). The rebalance stage turns
 * them into its trigger objects; the checks here name the config key, so a bad value stops the start.
 *
 * @param coolDown how long after the portfolio's last rebalance ended REJECTED, AUTO_REJECTED_AFTER_ESCALATION,
 *                 BLOCKED or FAILED no trigger proposes again (the same trigger would otherwise propose the same
 *                 trades at every new price); zero: no cool-down. A proposal through the API is never held back.
 */
public record TriggerSettings(Calendar calendar, Drift drift, VolatilitySpike volatilitySpike, Drawdown drawdown,
                              CorrelationSpike correlationSpike, Duration coolDown) {

    static final Set<String> KEYS = Set.of("calendar", "drift", "volatilitySpike", "drawdown", "correlationSpike", "coolDown");

    /** The cool-down when {@code coolDown} is left out: a day, so a rejected rebalance comes back at most once a day. */
    public static final Duration DEFAULT_COOL_DOWN = Duration.ofDays(1);

    public TriggerSettings {
        if (coolDown == null || coolDown.isNegative()) {
            throw new IllegalArgumentException("rebalance.portfolios[].triggers.coolDown must be an ISO-8601 duration, zero or more, got "
                    + coolDown);
        }
    }

    /** The triggers with the {@link #DEFAULT_COOL_DOWN}. */
    public TriggerSettings(Calendar calendar, Drift drift, VolatilitySpike volatilitySpike, Drawdown drawdown,
                           CorrelationSpike correlationSpike) {
        this(calendar, drift, volatilitySpike, drawdown, correlationSpike, DEFAULT_COOL_DOWN);
    }

    /** Whether no trigger is configured (a cool-down alone proposes nothing). */
    public boolean isEmpty() {
        return calendar == null && drift == null && volatilitySpike == null && drawdown == null && correlationSpike == null;
    }

    /**
     * Either every {@code everyDays} days after the last rebalance, or monthly on {@code dayOfMonth}
     * at the start of the day in {@code zone} (UTC when left out).
     *
     * @param everyDays  null with a day of the month
     * @param dayOfMonth null with an interval; 31 means the month's last day
     * @param zone       the time zone of a monthly schedule
     */
    public record Calendar(Integer everyDays, Integer dayOfMonth, ZoneId zone) {
        static final Set<String> KEYS = Set.of("everyDays", "dayOfMonth", "zone");
    }

    /**
     * @param absoluteToleranceFraction a weight more than this off its target fires (0.05: five points); null: not checked
     * @param relativeToleranceFraction a weight more than this fraction of its target off it fires; null: not checked
     */
    public record Drift(Double absoluteToleranceFraction, Double relativeToleranceFraction) {
        static final Set<String> KEYS = Set.of("absoluteToleranceFraction", "relativeToleranceFraction");
    }

    /** Short-window over long-window volatility of the portfolio's daily returns above {@code ratioThreshold} fires. */
    public record VolatilitySpike(int shortWindow, int longWindow, double ratioThreshold) {
        static final Set<String> KEYS = Set.of("shortWindow", "longWindow", "ratioThreshold");
    }

    /** The NAV {@code levelFraction} or more below its peak fires. */
    public record Drawdown(double levelFraction) {
        static final Set<String> KEYS = Set.of("levelFraction");
    }

    /** The held assets' average pairwise correlation over the short window, minus that over the long one, above {@code increaseThreshold} fires. */
    public record CorrelationSpike(int shortWindow, int longWindow, double increaseThreshold) {
        static final Set<String> KEYS = Set.of("shortWindow", "longWindow", "increaseThreshold");
    }

    /** @param key the full key of the triggers, e.g. {@code rebalance.portfolios[6f1c...].triggers} */
    static TriggerSettings parse(Object value, String key) {
        Map<String, Object> entry = ConfigValues.mapping(value, key, KEYS);
        return new TriggerSettings(
                entry.get("calendar") == null ? null : calendar(entry.get("calendar"), key + ".calendar"),
                entry.get("drift") == null ? null : drift(entry.get("drift"), key + ".drift"),
                entry.get("volatilitySpike") == null ? null : volatilitySpike(entry.get("volatilitySpike"), key + ".volatilitySpike"),
                entry.get("drawdown") == null ? null : drawdown(entry.get("drawdown"), key + ".drawdown"),
                entry.get("correlationSpike") == null ? null : correlationSpike(entry.get("correlationSpike"), key + ".correlationSpike"),
                entry.get("coolDown") == null ? DEFAULT_COOL_DOWN : coolDown(entry.get("coolDown"), key + ".coolDown"));
    }

    private static Duration coolDown(Object value, String key) {
        Duration coolDown;
        try {
            coolDown = Duration.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as P1D or PT6H, got '" + value + "'");
        }
        if (coolDown.isNegative()) {
            throw new IllegalArgumentException(key + " must be zero (no cool-down) or more, got " + coolDown);
        }
        return coolDown;
    }

    private static Calendar calendar(Object value, String key) {
        Map<String, Object> entry = ConfigValues.mapping(value, key, Calendar.KEYS);
        String prefix = key + ".";
        Integer everyDays = ConfigValues.wholeNumber(entry, "everyDays", prefix);
        Integer dayOfMonth = ConfigValues.wholeNumber(entry, "dayOfMonth", prefix);
        if ((everyDays == null) == (dayOfMonth == null)) {
            throw new IllegalArgumentException(key + " must give either everyDays or dayOfMonth, not "
                    + (everyDays == null ? "neither" : "both"));
        }
        if (everyDays != null) {
            if (entry.get("zone") != null) {
                throw new IllegalArgumentException(prefix + "zone: only a dayOfMonth schedule has a time zone");
            }
            if (everyDays < 1) {
                throw new IllegalArgumentException(prefix + "everyDays must be at least 1, got " + everyDays);
            }
            return new Calendar(everyDays, null, null);
        }
        if (dayOfMonth < 1 || dayOfMonth > 31) {
            throw new IllegalArgumentException(prefix + "dayOfMonth must be from 1 to 31, got " + dayOfMonth);
        }
        Object zone = entry.get("zone");
        ZoneId zoneId;
        try {
            zoneId = zone == null ? ZoneId.of("UTC") : ZoneId.of(zone.toString());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(prefix + "zone must be a time zone such as Europe/London or UTC, got '" + zone + "'");
        }
        return new Calendar(null, dayOfMonth, zoneId);
    }

    private static Drift drift(Object value, String key) {
        Map<String, Object> entry = ConfigValues.mapping(value, key, Drift.KEYS);
        String prefix = key + ".";
        Double absolute = ConfigValues.number(entry, "absoluteToleranceFraction", prefix);
        Double relative = ConfigValues.number(entry, "relativeToleranceFraction", prefix);
        if (absolute == null && relative == null) {
            throw new IllegalArgumentException(key + " must give absoluteToleranceFraction, relativeToleranceFraction or both");
        }
        requirePositive(absolute, prefix + "absoluteToleranceFraction");
        requirePositive(relative, prefix + "relativeToleranceFraction");
        return new Drift(absolute, relative);
    }

    private static VolatilitySpike volatilitySpike(Object value, String key) {
        Map<String, Object> entry = ConfigValues.mapping(value, key, VolatilitySpike.KEYS);
        String prefix = key + ".";
        int shortWindow = ConfigValues.requiredWholeNumber(entry, "shortWindow", prefix);
        int longWindow = ConfigValues.requiredWholeNumber(entry, "longWindow", prefix);
        double ratio = ConfigValues.requiredNumber(entry, "ratioThreshold", prefix);
        requireWindows(shortWindow, longWindow, 2, prefix);
        requirePositive(ratio, prefix + "ratioThreshold");
        return new VolatilitySpike(shortWindow, longWindow, ratio);
    }

    private static Drawdown drawdown(Object value, String key) {
        Map<String, Object> entry = ConfigValues.mapping(value, key, Drawdown.KEYS);
        double level = ConfigValues.requiredNumber(entry, "levelFraction", key + ".");
        if (!(level > 0 && level <= 1)) {
            throw new IllegalArgumentException(key + ".levelFraction must be above 0 and at most 1 (0.1: 10% below the peak), got " + level);
        }
        return new Drawdown(level);
    }

    private static CorrelationSpike correlationSpike(Object value, String key) {
        Map<String, Object> entry = ConfigValues.mapping(value, key, CorrelationSpike.KEYS);
        String prefix = key + ".";
        int shortWindow = ConfigValues.requiredWholeNumber(entry, "shortWindow", prefix);
        int longWindow = ConfigValues.requiredWholeNumber(entry, "longWindow", prefix);
        double increase = ConfigValues.requiredNumber(entry, "increaseThreshold", prefix);
        // two periods always correlate perfectly: at least 3
        requireWindows(shortWindow, longWindow, 3, prefix);
        requirePositive(increase, prefix + "increaseThreshold");
        return new CorrelationSpike(shortWindow, longWindow, increase);
    }

    private static void requireWindows(int shortWindow, int longWindow, int least, String prefix) {
        if (shortWindow < least) {
            throw new IllegalArgumentException(prefix + "shortWindow must be at least " + least + " periods, got " + shortWindow);
        }
        if (longWindow <= shortWindow) {
            throw new IllegalArgumentException(prefix + "longWindow must be longer than shortWindow (" + shortWindow + "), got "
                    + longWindow);
        }
    }

    private static void requirePositive(Double value, String key) {
        if (value != null && !(value > 0)) {
            throw new IllegalArgumentException(key + " must be a positive number, got " + value);
        }
    }
}
