package io.ballast.plugins.marketdata.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.BarRequest;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way the service or the parameters can fail, each with a message naming the URL and the status or the parameter. */
class HttpJsonFailuresTest {

    private final HttpJsonSource source = new HttpJsonSource();
    @RegisterExtension
    final FixedJsonServer server = new FixedJsonServer();

    @Test
    void notFoundIsBadInputNamingTheUrlAndTheStatus() {
        server.answer("/bars/NOPE", 404, "{\"error\": \"unknown symbol NOPE\"}");

        assertThatThrownBy(() -> bars("NOPE", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GET " + url("NOPE") + ": HTTP 404 (check the asset, baseUrl and the path parameters): "
                        + "{\"error\": \"unknown symbol NOPE\"}");
    }

    @Test
    void aServerErrorIsAFailureOfTheServiceNamingTheUrlTheStatusAndTheBodysStart() {
        server.answer("/bars/AAPL", 500, "database\n  down " + "x".repeat(300));

        assertThatThrownBy(() -> bars("AAPL", Map.of()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("GET " + url("AAPL") + ": HTTP 500: database down " + "x".repeat(200 - "database down ".length()) + "...");
    }

    @Test
    void aRedirectIsNotFollowedAndNamesWhereItPoints() {
        server.redirect("/bars/MOVED", "https://elsewhere.example.com/bars/MOVED");

        assertThatThrownBy(() -> bars("MOVED", Map.of()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("GET " + url("MOVED") + ": HTTP 301 to https://elsewhere.example.com/bars/MOVED: redirects are not "
                        + "followed (a token must not go elsewhere); give the final URL in baseUrl");
    }

    @Test
    void malformedJsonIsAFailureNamingTheUrlAndTheStatus() {
        server.answer("/bars/AAPL", 200, "[{\"time\": \"2024-01-02\", \"close\": 1");
        server.answer("/bars/TRAIL", 200, "[] and more");

        assertThatThrownBy(() -> bars("AAPL", Map.of()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("GET " + url("AAPL") + ": HTTP 200, but the body is not JSON: ");
        assertThatThrownBy(() -> bars("TRAIL", Map.of()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("GET " + url("TRAIL") + ": HTTP 200, but the body is not JSON: ");
    }

    @Test
    void noAnswerWithinTheTimeoutIsAFailureNamingTheUrlAndTheTimeout() {
        server.hang("/bars/SLOW");

        assertThatThrownBy(() -> bars("SLOW", Map.of("timeoutMillis", 200L)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("GET " + url("SLOW") + ": no answer within 200 ms (parameter timeoutMillis)");
    }

    @Test
    void aServiceThatIsNotThereIsAFailureNamingTheUrl() {
        String url = url("AAPL");
        server.close();

        assertThatThrownBy(() -> bars("AAPL", Map.of()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("GET " + url + ": cannot connect: ");
    }

    @Test
    void namesThatFindNothingInTheAnswerAreBadParametersNamedSo() {
        server.answer("/bars/A", 200, "[{\"date\": \"2024-01-02\", \"close\": 1}]");
        server.answer("/bars/B", 200, "{\"bars\": []}");
        server.answer("/bars/C", 200, "{\"bars\": {}}");

        assertThatThrownBy(() -> bars("A", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GET " + url("A") + ": HTTP 200: bar 0 has no field 'time' (parameter timeField)");
        assertThatThrownBy(() -> bars("A", Map.of("timeField", "date")))
                .hasMessage("GET " + url("A") + ": HTTP 200: bar 0 has no field 'open' (parameter openField)");
        assertThatThrownBy(() -> bars("B", Map.of()))
                .hasMessage("GET " + url("B") + ": HTTP 200: expected an array of bars at '', got object (parameter barsPointer)");
        assertThatThrownBy(() -> bars("B", Map.of("barsPointer", "/data")))
                .hasMessage("GET " + url("B") + ": HTTP 200: the answer has nothing at '/data' (parameter barsPointer)");
        assertThatThrownBy(() -> bars("C", Map.of("barsPointer", "/bars")))
                .hasMessage("GET " + url("C") + ": HTTP 200: expected an array of bars at '/bars', got object (parameter barsPointer)");
    }

    @Test
    void badValuesInTheAnswerAreFailuresOfTheServiceNamingTheBarAndTheField() {
        server.answer("/bars/NAN", 200, "[{\"time\": \"2024-01-02\", \"close\": \"abc\"}]");
        server.answer("/bars/DAY", 200, "[{\"time\": \"Jan 2\", \"close\": 1}]");
        server.answer("/bars/TWICE", 200, "[{\"time\": \"2024-01-02\", \"close\": 1}, {\"time\": \"2024-01-02T10:00:00Z\", \"close\": 2}]");
        server.answer("/bars/BRACKET", 200,
                "[{\"time\": \"2024-01-02\", \"open\": 10, \"high\": 9, \"low\": 8, \"close\": 9.5, \"volume\": 1}]");
        server.answer("/bars/LIST", 200, "[[1, 2]]");
        Map<String, Object> closeOnly = Map.of("openField", "", "highField", "", "lowField", "", "volumeField", "");

        assertThatThrownBy(() -> bars("NAN", closeOnly))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("GET " + url("NAN") + ": HTTP 200: bar 0 field 'close': \"abc\" is not a number");
        assertThatThrownBy(() -> bars("DAY", closeOnly))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("GET " + url("DAY") + ": HTTP 200: bar 0 field 'time': \"Jan 2\" is not a day (yyyy-MM-dd), an instant, "
                        + "a date-time with offset or a count of milliseconds since 1970");
        assertThatThrownBy(() -> bars("TWICE", closeOnly))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("GET " + url("TWICE") + ": HTTP 200: bar 1 is on 2024-01-02, as bar 0 is");
        assertThatThrownBy(() -> bars("BRACKET", Map.of()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("GET " + url("BRACKET") + ": HTTP 200: bar 0: bar BRACKET 2024-01-02T00:00:00Z: high 9 and low 8 "
                        + "must bracket open 10 and close 9.5");
        assertThatThrownBy(() -> bars("LIST", closeOnly))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("GET " + url("LIST") + ": HTTP 200: bar 0 is not an object but [1,2]");
    }

    @Test
    void anInstrumentListThatIsNoListOfInstrumentsIsAFailureNamingTheItem() {
        Map<String, Object> parameters = Map.of("baseUrl", server.baseUrl());
        server.answer("/instruments", 200, "{\"instruments\": []}");
        assertThatThrownBy(() -> source.instruments(parameters))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("GET " + server.baseUrl() + "/instruments: HTTP 200: expected an array of instruments, got object");

        server.answer("/instruments", 200, "[\"AAPL\", {\"name\": \"no id\"}]");
        assertThatThrownBy(() -> source.instruments(parameters))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("GET " + server.baseUrl() + "/instruments: HTTP 200: instrument 1: expected an asset id or an object "
                        + "with a text id, got {\"name\":\"no id\"}");

        server.answer("/instruments", 200, "[{\"id\": \"GOLD\", \"assetClass\": \"COMMODITY\"}]");
        assertThatThrownBy(() -> source.instruments(parameters))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("GET " + server.baseUrl() + "/instruments: HTTP 200: instrument 0: "
                        + "{\"id\":\"GOLD\",\"assetClass\":\"COMMODITY\"} is not an instrument: ");
    }

    @Test
    void badParametersAreNamedBeforeAnyRequest() {
        assertThatThrownBy(() -> source.instruments(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parameter baseUrl: is required");
        assertThatThrownBy(() -> source.instruments(Map.of("baseUrl", "ftp://prices.example.com")))
                .hasMessage("parameter baseUrl: must be an http or https URL such as https://prices.example.com/api, "
                        + "got 'ftp://prices.example.com'");
        assertThatThrownBy(() -> source.instruments(Map.of("baseUrl", "prices.example.com")))
                .hasMessageStartingWith("parameter baseUrl: must be an http or https URL");
        assertThatThrownBy(() -> source.instruments(Map.of("baseUrl", server.baseUrl(), "barsPath", "/bars/{symbol}")))
                .hasMessage("parameter barsPath: unknown placeholder {symbol} in '/bars/{symbol}'; it may use [{asset}, {from}, {to}]");
        assertThatThrownBy(() -> source.instruments(Map.of("baseUrl", server.baseUrl(), "barsPointer", "data")))
                .hasMessageStartingWith("parameter barsPointer: 'data' is not a JSON Pointer (empty, or starting with /)");
        assertThatThrownBy(() -> source.instruments(Map.of("baseUrl", server.baseUrl(), "epochUnit", "minutes")))
                .hasMessage("parameter epochUnit: must be one of [milliseconds, seconds] (any case), got 'minutes'");
        assertThatThrownBy(() -> source.instruments(Map.of("baseUrl", server.baseUrl(), "timeoutMillis", 0L)))
                .hasMessage("parameter timeoutMillis: must be at least 1, got 0");
        assertThat(server.seen()).isEmpty();
    }

    private void bars(String asset, Map<String, Object> parameters) {
        Map<String, Object> withBase = new HashMap<>(parameters);
        withBase.put("baseUrl", server.baseUrl());
        source.bars(new BarRequest(List.of(asset), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 4), withBase));
    }

    private String url(String asset) {
        return server.baseUrl() + "/bars/" + asset + "?from=2024-01-02&to=2024-01-04";
    }
}
