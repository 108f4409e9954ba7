package io.ballast.plugins.marketdata.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceParametersTest {

    private static final ParameterSpec RATE = new ParameterSpec("rate", ParameterType.NUMBER, "a rate",
            Optional.of(0.5), Optional.of(0.0), Optional.of(1.0));
    private static final ParameterSpec COUNT = new ParameterSpec("count", ParameterType.INTEGER, "a count",
            Optional.of(3L), Optional.of(1.0), Optional.empty());
    private static final ParameterSpec FOLDER = new ParameterSpec("folder", ParameterType.STRING, "a folder",
            Optional.empty(), Optional.empty(), Optional.empty());
    private static final ParameterSpec NOTE = new ParameterSpec("note", ParameterType.STRING, "a note",
            Optional.of(""), Optional.empty(), Optional.empty());
    private static final ParameterSpec DAY = new ParameterSpec("day", ParameterType.STRING, "a day",
            Optional.of("2024-02-29"), Optional.empty(), Optional.empty());
    private static final ParameterSpec CLASS = new ParameterSpec("assetClass", ParameterType.STRING, "a class",
            Optional.of("EQUITY"), Optional.empty(), Optional.empty());

    private static final List<ParameterSpec> SPECS = List.of(RATE, COUNT, FOLDER, NOTE, DAY, CLASS);

    private static SourceParameters values(Map<String, ?> given) {
        return new SourceParameters("demo", SPECS, given);
    }

    @Test
    void aParameterLeftOutTakesItsDefault() {
        SourceParameters values = values(Map.of());

        assertThat(values.number(RATE)).isEqualTo(0.5);
        assertThat(values.whole(COUNT)).isEqualTo(3L);
        assertThat(values.optionalText(NOTE)).isEmpty();
        assertThat(values.day(DAY)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(values.choice(CLASS, AssetClass.class)).isEqualTo(AssetClass.EQUITY);
    }

    @Test
    void givenValuesOfAnyNumberTypeOrNumericTextAreRead() {
        SourceParameters values = values(Map.of("rate", "0.25", "count", 7, "folder", "  /data  ",
                "assetClass", "crypto"));

        assertThat(values.number(RATE)).isEqualTo(0.25);
        assertThat(values.whole(COUNT)).isEqualTo(7L);
        assertThat(values.text(FOLDER)).isEqualTo("/data");
        assertThat(values.choice(CLASS, AssetClass.class)).isEqualTo(AssetClass.CRYPTO);
        assertThat(values(Map.of("count", 7.0)).whole(COUNT)).isEqualTo(7L);
    }

    @Test
    void namesAreSplitAtCommasAndTrimmedAndCurrenciesUpperCased() {
        SourceParameters values = values(Map.of("folder", " AAA, BRK B ,C", "note", "eur"));

        assertThat(values.names(FOLDER)).containsExactly("AAA", "BRK B", "C");
        assertThat(values.currency(NOTE)).isEqualTo("EUR");
    }

    @Test
    void eachBadValueNamesTheParameterAndTheProblem() {
        assertThatThrownBy(() -> values(Map.of("speed", 1)))
                .hasMessage("parameter speed: is not a parameter of demo; it takes [rate, count, folder, note, day, assetClass]");
        assertThatThrownBy(() -> values(Map.of()).text(FOLDER))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parameter folder: is required");
        assertThatThrownBy(() -> values(Map.of("folder", " ")).text(FOLDER))
                .hasMessage("parameter folder: is required");
        assertThatThrownBy(() -> values(Map.of("folder", 5)).text(FOLDER))
                .hasMessage("parameter folder: must be text, got 5");
        assertThatThrownBy(() -> values(Map.of("rate", "fast")).number(RATE))
                .hasMessage("parameter rate: must be a finite number, got 'fast'");
        assertThatThrownBy(() -> values(Map.of("rate", true)).number(RATE))
                .hasMessage("parameter rate: must be a finite number, got true");
        assertThatThrownBy(() -> values(Map.of("rate", Double.NaN)).number(RATE))
                .hasMessage("parameter rate: must be a finite number, got NaN");
        assertThatThrownBy(() -> values(Map.of("rate", -0.1)).number(RATE))
                .hasMessage("parameter rate: must be at least 0.0, got -0.1");
        assertThatThrownBy(() -> values(Map.of("rate", 1.5)).number(RATE))
                .hasMessage("parameter rate: must be at most 1.0, got 1.5");
        assertThatThrownBy(() -> values(Map.of("count", 2.5)).whole(COUNT))
                .hasMessage("parameter count: must be a whole number, got 2.5");
        assertThatThrownBy(() -> values(Map.of("count", 0)).whole(COUNT))
                .hasMessage("parameter count: must be at least 1, got 0");
        assertThatThrownBy(() -> values(Map.of("day", "29.02.2024")).day(DAY))
                .hasMessage("parameter day: must be a day as yyyy-MM-dd, got '29.02.2024'");
        assertThatThrownBy(() -> values(Map.of("folder", "A,,B")).names(FOLDER))
                .hasMessage("parameter folder: a name is empty in 'A,,B'");
        assertThatThrownBy(() -> values(Map.of("folder", "A,B,A")).names(FOLDER))
                .hasMessage("parameter folder: a name is repeated in 'A,B,A'");
        assertThatThrownBy(() -> values(Map.of("note", "EURO")).currency(NOTE))
                .hasMessage("parameter note: 'EURO' is not an ISO 4217 currency code");
        assertThatThrownBy(() -> values(Map.of("assetClass", "bond")).choice(CLASS, AssetClass.class))
                .hasMessage("parameter assetClass: must be one of [equity, crypto] (any case), got 'bond'");
    }
}
