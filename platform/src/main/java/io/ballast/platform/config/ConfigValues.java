package io.ballast.platform.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reading the free-form mappings of a per-portfolio override (YAML or JSON parsed to maps), naming the full key on every problem. */
final class ConfigValues {

    private ConfigValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(Object value, String key, Set<String> knownKeys) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(key + " must be a mapping of keys, got " + describe(value));
        }
        for (Object name : map.keySet()) {
            if (!knownKeys.contains(String.valueOf(name))) {
                throw new IllegalArgumentException(key + ": unknown key '" + name + "'; known keys here: "
                        + String.join(", ", new TreeSet<>(knownKeys)));
            }
        }
        return (Map<String, Object>) map;
    }

    /** A number, or null when the key is left out. */
    static Double number(Map<String, Object> entry, String name, String key) {
        Object value = entry.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new IllegalArgumentException(key + name + " must be a number, got " + describe(value));
        }
        return number.doubleValue();
    }

    static double requiredNumber(Map<String, Object> entry, String name, String key) {
        Double value = number(entry, name, key);
        if (value == null) {
            throw new IllegalArgumentException(key + name + " must be given");
        }
        return value;
    }

    /** A whole number, or null when the key is left out. */
    static Integer wholeNumber(Map<String, Object> entry, String name, String key) {
        Object value = entry.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || Math.abs(number.doubleValue()) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + name + " must be a whole number, got " + describe(value));
        }
        return number.intValue();
    }

    static int requiredWholeNumber(Map<String, Object> entry, String name, String key) {
        Integer value = wholeNumber(entry, name, key);
        if (value == null) {
            throw new IllegalArgumentException(key + name + " must be given");
        }
        return value;
    }

    static String describe(Object value) {
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof java.util.List<?>) {
            return "a list";
        }
        return String.valueOf(value);
    }
}
