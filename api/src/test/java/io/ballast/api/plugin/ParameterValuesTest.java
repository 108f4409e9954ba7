package io.ballast.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.plugin.ParameterSpec.ParameterType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {

    private static final List<ParameterSpec> SPECS = List.of(
            new ParameterSpec("rate", ParameterType.NUMBER, "a fraction", Optional.of(0.5), Optional.of(0.0), Optional.of(1.0)),
            new ParameterSpec("count", ParameterType.INTEGER, "days", Optional.of(3), Optional.of(2.0), Optional.of(10.0)),
            new ParameterSpec("short", ParameterType.BOOLEAN, "short the bottom", Optional.of(false), Optional.empty(), Optional.empty()),
            new ParameterSpec("folder", ParameterType.STRING, "where", Optional.empty(), Optional.empty(), Optional.empty()),
            ParameterSpec.oneOf("linkage", "how clusters join", Optional.of("single"), List.of("single", "ward")),
            new ParameterSpec("budgets", ParameterType.NUMBER_BY_NAME, "by asset", Optional.empty(), Optional.of(0.0), Optional.empty()));

    private static ParameterValues read(Map<String, ?> given) {
        return ParameterValues.read("demo", SPECS, given);
    }

    @Test
    void leftOutParametersTakeTheirDefaults() {
        ParameterValues values = read(Map.of());
        assertThat(values.number("rate")).isEqualTo(0.5);
        assertThat(values.integer("count")).isEqualTo(3L);
        assertThat(values.flag("short")).isFalse();
        assertThat(values.text("linkage")).isEqualTo("single");
        assertThat(values.optionalText("folder")).isEmpty();
        assertThat(values.isGiven("rate")).isFalse();
    }

    @Test
    void givenValuesOfAnyNumericFormAreRead() {
        Map<String, Object> budgets = new LinkedHashMap<>();
        budgets.put("B", 2);
        budgets.put("A", new BigDecimal("0.25"));
        ParameterValues values = read(Map.of("rate", "0.75", "count", 7L, "short", "TRUE", "folder", "  /data ",
                "linkage", "WARD", "budgets", budgets));
        assertThat(values.number("rate")).isEqualTo(0.75);
        assertThat(values.integer("count")).isEqualTo(7L);
        assertThat(values.flag("short")).isTrue();
        assertThat(values.text("folder")).isEqualTo("/data");
        assertThat(values.text("linkage")).isEqualTo("ward");
        assertThat(values.numbersByName("budgets")).containsExactly(Map.entry("B", 2.0), Map.entry("A", 0.25));
        // blank text the caller gives means none, not the default
        assertThat(read(Map.of("linkage", " ")).optionalText("linkage")).isEmpty();
    }

    @Test
    void everyProblemNamesItsParameter() {
        assertThatThrownBy(() -> read(Map.of("speed", 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter speed: is not a parameter of demo; it takes [rate, count, short, folder, linkage, budgets]");
        assertThatThrownBy(() -> read(Map.of("rate", "fast")).number("rate")).hasMessage("parameter rate: must be a finite number, got 'fast'");
        assertThatThrownBy(() -> read(Map.of("rate", Double.NaN)).number("rate")).hasMessage("parameter rate: must be a finite number, got NaN");
        assertThatThrownBy(() -> read(Map.of("rate", 1.5)).number("rate")).hasMessage("parameter rate: must be at most 1.0, got 1.5");
        assertThatThrownBy(() -> read(Map.of("count", 2.5)).integer("count")).hasMessage("parameter count: must be a whole number, got 2.5");
        assertThatThrownBy(() -> read(Map.of("count", 1)).integer("count")).hasMessage("parameter count: must be at least 2, got 1");
        assertThatThrownBy(() -> read(Map.of("count", 11L)).integer("count")).hasMessage("parameter count: must be at most 10, got 11");
        assertThatThrownBy(() -> read(Map.of("short", "yes")).flag("short")).hasMessage("parameter short: must be true or false, got 'yes'");
        assertThatThrownBy(() -> read(Map.of("folder", 5)).text("folder")).hasMessage("parameter folder: must be text, got 5");
        assertThatThrownBy(() -> read(Map.of("folder", " ")).text("folder")).hasMessage("parameter folder: is required");
        assertThatThrownBy(() -> read(Map.of("linkage", "median")).text("linkage"))
                .hasMessage("parameter linkage: must be one of [single, ward] (any case), got 'median'");
        assertThatThrownBy(() -> read(Map.of()).numbersByName("budgets")).hasMessage("parameter budgets: is required");
        assertThatThrownBy(() -> read(Map.of("budgets", Map.of("A", -1))).numbersByName("budgets"))
                .hasMessage("parameter budgets.A: must be at least 0.0, got -1.0");
        assertThatThrownBy(() -> read(Map.of("budgets", List.of(1))).numbersByName("budgets"))
                .hasMessage("parameter budgets: must be an object of names to numbers, got [1]");
    }

    @Test
    void readingAParameterTheExtensionDoesNotDeclareIsItsOwnBug() {
        assertThatThrownBy(() -> read(Map.of()).number("other")).isInstanceOf(IllegalStateException.class)
                .hasMessage("demo reads parameter other that it does not declare");
    }

    @Test
    void allowedValuesBelongToTextOnly() {
        assertThat(SPECS.get(4).allowedValues()).containsExactly("single", "ward");
        assertThat(SPECS.get(0).allowedValues()).isEmpty();
        assertThatThrownBy(() -> new ParameterSpec("n", ParameterType.NUMBER, "d", Optional.empty(), Optional.empty(), Optional.empty(),
                List.of("a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter n: only a STRING parameter has allowed values, this one is NUMBER");
        assertThatThrownBy(() -> ParameterSpec.oneOf("l", "d", Optional.empty(), List.of()))
                .hasMessage("parameter l: give at least one allowed value");
    }
}
