package io.ballast.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.plugin.BallastExtension;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import io.ballast.platform.problem.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExtensionParametersTest {

    private static final ParameterSpec DAYS =
            new ParameterSpec("days", ParameterType.INTEGER, "window in days", Optional.of(20), Optional.of(2.0), Optional.of(250.0));
    private static final ParameterSpec BUDGETS =
            new ParameterSpec("budgets", ParameterType.NUMBER_BY_NAME, "budget by asset", Optional.empty(), Optional.of(0.0), Optional.empty());
    private static final ParameterSpec LINKAGE = ParameterSpec.oneOf("linkage", "how clusters join", Optional.of("single"),
            List.of("single", "ward"));

    @Test
    void aRequiredParameterLeftOutIsRefused() {
        assertThatThrownBy(() -> ExtensionParameters.validate(extension(DAYS, BUDGETS), Map.of(), "parameters"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("parameters.budgets");
                    assertThat(refused.problem()).isEqualTo("is required by demo: budget by asset");
                });
    }

    /** The plugin declared an Integer default; the extension receives a Long, as it does for a given value. */
    @Test
    void defaultsArePassedOnAsPlainValuesOfTheirType() {
        Map<String, Object> valid = ExtensionParameters.validate(extension(DAYS, BUDGETS, LINKAGE), Map.of("budgets", Map.of("A", 1)),
                "parameters");

        assertThat(valid).containsExactly(Map.entry("days", 20L), Map.entry("budgets", Map.of("A", 1.0)),
                Map.entry("linkage", "single"));
        assertThat(valid.get("days")).isInstanceOf(Long.class);
    }

    @Test
    void aTextParameterTakesOnlyItsAllowedValues() {
        assertThat(ExtensionParameters.validate(extension(LINKAGE), Map.of("linkage", "WARD"), "parameters")).containsEntry("linkage", "WARD");
        assertThatThrownBy(() -> ExtensionParameters.validate(extension(LINKAGE), Map.of("linkage", "median"), "parameters"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("parameters.linkage");
                    assertThat(refused.problem()).isEqualTo("must be one of single, ward (any case), got 'median'");
                });
    }

    @Test
    void anIntegerBoundIsWrittenAsAWholeNumber() {
        assertThat(ExtensionParameters.bound(DAYS, 2.0)).isEqualTo(2L);
        assertThat(ExtensionParameters.bound(BUDGETS, 0.0)).isEqualTo(0.0);
    }

    @Test
    void checkedDeclarationsCarryPlainDefaults() {
        ParameterSpec weights = new ParameterSpec("weights", ParameterType.NUMBER_BY_NAME, "w", Optional.of(Map.of("A", 1)),
                Optional.empty(), Optional.empty());

        List<ParameterSpec> checked = ExtensionParameters.checkDeclared(extension(DAYS, weights, LINKAGE));

        assertThat(checked).extracting(spec -> spec.defaultValue().orElseThrow())
                .containsExactly(20L, Map.of("A", 1.0), "single");
        assertThat(checked.get(2).allowedValues()).containsExactly("single", "ward");
    }

    @Test
    void aDeclarationThatCannotWorkIsRefusedWhenThePluginLoads() {
        assertRefused(new ParameterSpec("rate", ParameterType.NUMBER, "r", Optional.of(Double.NaN), Optional.empty(), Optional.empty()),
                "extension demo: parameter rate: its default must be a number, got NaN");
        assertRefused(new ParameterSpec("rate", ParameterType.NUMBER, "r", Optional.of("fast"), Optional.empty(), Optional.empty()),
                "extension demo: parameter rate: its default must be a number, got fast");
        assertRefused(new ParameterSpec("days", ParameterType.INTEGER, "d", Optional.of(1), Optional.of(2.0), Optional.empty()),
                "extension demo: parameter days: its default must be at least 2, got 1.0");
        assertRefused(new ParameterSpec("days", ParameterType.INTEGER, "d", Optional.empty(), Optional.of(2.5), Optional.empty()),
                "extension demo: parameter days: its bound 2.5 must be a finite whole number");
        assertRefused(new ParameterSpec("rate", ParameterType.NUMBER, "r", Optional.empty(), Optional.empty(),
                Optional.of(Double.POSITIVE_INFINITY)), "extension demo: parameter rate: its bound Infinity must be a finite number");
        assertRefused(new ParameterSpec("on", ParameterType.BOOLEAN, "b", Optional.of(true), Optional.of(0.0), Optional.empty()),
                "extension demo: parameter on is BOOLEAN and cannot have a minimum or maximum");
        assertRefused(ParameterSpec.oneOf("linkage", "l", Optional.of("median"), List.of("single")),
                "extension demo: parameter linkage: its default must be one of single (any case), got 'median'");
    }

    @Test
    void everyBundledExtensionDeclaresWorkableParameters() {
        try (PluginHost host = PluginHost.start(Path.of("target", "plugins"))) {
            List<BallastExtension> extensions = Stream.of(host.optimizers(), host.strategies(), host.marketDataSources(),
                    host.executionVenues(), host.alertChannels()).flatMap(List::stream).map(BallastExtension.class::cast).toList();

            assertThat(extensions).hasSizeGreaterThan(20);
            extensions.forEach(extension -> assertThat(ExtensionParameters.checkDeclared(extension)).hasSameSizeAs(extension.parameters()));
        }
    }

    private static void assertRefused(ParameterSpec spec, String message) {
        assertThatThrownBy(() -> ExtensionParameters.checkDeclared(extension(spec))).isInstanceOf(IllegalStateException.class)
                .hasMessage(message);
    }

    private static BallastExtension extension(ParameterSpec... parameters) {
        return new BallastExtension() {
            @Override
            public String id() {
                return "demo";
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public String description() {
                return "a demo";
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of(parameters);
            }
        };
    }
}
