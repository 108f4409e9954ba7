package io.ballast.plugins.alerts;

import io.ballast.api.plugin.ParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One delivery's parameters read against a channel's {@link ParameterSpec}s: an unknown name is
 * refused, a missing one takes its default, and every problem is an {@link IllegalArgumentException}
 * whose message starts with {@code parameter <name>:}.
 */
final class ChannelParameters {

    private final String channel;
    private final Map<String, Object> values;
    private final List<ParameterSpec> specs;

    private ChannelParameters(String channel, Map<String, Object> values, List<ParameterSpec> specs) {
        this.channel = channel;
        this.values = values;
        this.specs = specs;
    }

    /** @throws IllegalArgumentException when a parameter the channel does not take is given */
    static ChannelParameters read(String channel, Map<String, Object> values, List<ParameterSpec> specs) {
        for (String name : values.keySet()) {
            if (specs.stream().noneMatch(spec -> spec.name().equals(name))) {
                throw new IllegalArgumentException("parameter " + name + ": the " + channel + " channel has no such parameter; it takes "
                        + specs.stream().map(ParameterSpec::name).toList());
            }
        }
        return new ChannelParameters(channel, values, specs);
    }

    /** A text parameter that must have a value (given or by default), not blank. */
    String text(String name) {
        return optionalText(name).orElseThrow(() -> problem(name, "is required by the " + channel + " channel"));
    }

    /** A text parameter that may be left out; blank counts as left out. */
    Optional<String> optionalText(String name) {
        Object value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw problem(name, "must be text, got " + value);
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    /** A whole-number parameter within its spec's range. */
    int wholeNumber(String name) {
        Object value = value(name);
        long number = switch (value) {
            case Number given when given.doubleValue() == Math.rint(given.doubleValue())
                    && Math.abs(given.doubleValue()) <= Integer.MAX_VALUE -> given.longValue();
            case String text when text.strip().matches("-?\\d{1,9}") -> Long.parseLong(text.strip());
            case null -> throw problem(name, "is required by the " + channel + " channel");
            default -> throw problem(name, "must be a whole number, got " + value);
        };
        ParameterSpec spec = spec(name);
        if (spec.minimum().isPresent() && number < spec.minimum().get() || spec.maximum().isPresent() && number > spec.maximum().get()) {
            throw problem(name, "must be between " + spec.minimum().map(Double::longValue).orElse(Long.MIN_VALUE) + " and "
                    + spec.maximum().map(Double::longValue).orElse(Long.MAX_VALUE) + ", got " + number);
        }
        return (int) number;
    }

    /** A yes/no parameter: a boolean, or the text {@code true} or {@code false}. */
    boolean flag(String name) {
        return switch (value(name)) {
            case Boolean flag -> flag;
            case String text when text.strip().equalsIgnoreCase("true") -> true;
            case String text when text.strip().equalsIgnoreCase("false") -> false;
            case null -> throw problem(name, "is required by the " + channel + " channel");
            case Object other -> throw problem(name, "must be true or false, got " + other);
        };
    }

    /** The failure for a parameter whose value does not work. */
    static IllegalArgumentException problem(String name, String problem) {
        return new IllegalArgumentException("parameter " + name + ": " + problem);
    }

    private Object value(String name) {
        Object given = values.get(name);
        return given != null ? given : spec(name).defaultValue().orElse(null);
    }

    private ParameterSpec spec(String name) {
        return specs.stream().filter(spec -> spec.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the " + channel + " channel declares no parameter " + name));
    }
}
