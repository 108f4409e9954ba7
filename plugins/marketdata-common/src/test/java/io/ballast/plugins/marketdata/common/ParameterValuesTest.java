package io.ballast.plugins.marketdata.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {

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

    @Test
    void aParameterLeftOutTakesItsDefault() {
        ParameterValues values = new ParameterValues(Map.of());

        assertThat(values.number(RATE)).isEqualTo(0.5);
        assertThat(values.whole(COUNT)).isEqualTo(3L);
        assertThat(values.optionalText(NOTE)).isEmpty();
        assertThat(values.day(DAY)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(values.choice(CLASS, AssetClass.class)).isEqualTo(AssetClass.EQUITY);
    }

    @Test
    void givenValuesOfAnyNumberTypeOrNumericTextAreRead() {
        ParameterValues values = new ParameterValues(Map.of("rate", "0.25", "count", 7, "folder", "  /data  ",
                "assetClass", "crypto"));

        assertThat(values.number(RATE)).isEqualTo(0.25);
        assertThat(values.whole(COUNT)).isEqualTo(7L);
        assertThat(values.text(FOLDER)).isEqualTo("/data");
        assertThat(values.choice(CLASS, AssetClass.class)).isEqualTo(AssetClass.CRYPTO);
        assertThat(new ParameterValues(Map.of("count", 7.0)).whole(COUNT)).isEqualTo(7L);
    }

    @Test
    void namesAreSplitAtCommasAndTrimmedAndCurrenciesUpperCased() {
        ParameterValues values = new ParameterValues(Map.of("folder", " AAA, BRK B ,C", "note", "eur"));

        assertThat(values.names(FOLDER)).containsExactly("AAA", "BRK B", "C");
        assertThat(values.currency(NOTE)).isEqualTo("EUR");
    }

    @Test
    void eachBadValueNamesTheParameterAndTheProblem() {
        assertThatThrownBy(() -> new ParameterValues(Map.of()).text(FOLDER))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parameter folder: is required");
        assertThatThrownBy(() -> new ParameterValues(Map.of("folder", " ")).text(FOLDER))
                .hasMessage("parameter folder: is required");
        assertThatThrownBy(() -> new ParameterValues(Map.of("folder", 5)).text(FOLDER))
                .hasMessage("parameter folder: must be text, got 5");
        assertThatThrownBy(() -> new ParameterValues(Map.of("rate", "fast")).number(RATE))
                .hasMessage("parameter rate: must be a number, got 'fast'");
        assertThatThrownBy(() -> new ParameterValues(Map.of("rate", true)).number(RATE))
                .hasMessage("parameter rate: must be a number, got true");
        assertThatThrownBy(() -> new ParameterValues(Map.of("rate", Double.NaN)).number(RATE))
                .hasMessage("parameter rate: must be a finite number, got NaN");
        assertThatThrownBy(() -> new ParameterValues(Map.of("rate", -0.1)).number(RATE))
                .hasMessage("parameter rate: must be at least 0.0, got -0.1");
        assertThatThrownBy(() -> new ParameterValues(Map.of("rate", 1.5)).number(RATE))
                .hasMessage("parameter rate: must be at most 1.0, got 1.5");
        assertThatThrownBy(() -> new ParameterValues(Map.of("count", 2.5)).whole(COUNT))
                .hasMessage("parameter count: must be a whole number, got 2.5");
        assertThatThrownBy(() -> new ParameterValues(Map.of("count", 0)).whole(COUNT))
                .hasMessage("parameter count: must be at least 1.0, got 0");
        assertThatThrownBy(() -> new ParameterValues(Map.of("day", "29.02.2024")).day(DAY))
                .hasMessage("parameter day: must be a day as yyyy-MM-dd, got '29.02.2024'");
        assertThatThrownBy(() -> new ParameterValues(Map.of("folder", "A,,B")).names(FOLDER))
                .hasMessage("parameter folder: a name is empty in 'A,,B'");
        assertThatThrownBy(() -> new ParameterValues(Map.of("folder", "A,B,A")).names(FOLDER))
                .hasMessage("parameter folder: a name is repeated in 'A,B,A'");
        assertThatThrownBy(() -> new ParameterValues(Map.of("note", "EURO")).currency(NOTE))
                .hasMessage("parameter note: 'EURO' is not an ISO 4217 currency code");
        assertThatThrownBy(() -> new ParameterValues(Map.of("assetClass", "bond")).choice(CLASS, AssetClass.class))
                .hasMessage("parameter assetClass: must be one of [equity, crypto] (any case), got 'bond'");
    }
}
