package io.ballast.plugins.marketdata.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpJsonSourceTest {

    private static final LocalDate JAN_2 = LocalDate.of(2024, 1, 2);
    private static final LocalDate JAN_4 = LocalDate.of(2024, 1, 4);

    private final HttpJsonSource source = new HttpJsonSource();
    @RegisterExtension
    final FixedJsonServer server = new FixedJsonServer();

    @Test
    void barsAreMappedExactlyAsSentSortedAndCutToTheDaysAsked() {
        server.answer("/bars/AAPL", 200, """
                [
                  {"time": "2024-01-03", "open": 101.50, "high": 103.25, "low": 100.75, "close": 102.10, "volume": 1500000},
                  {"time": "2024-01-02", "open": 100, "high": 102, "low": 99.5, "close": 101.50, "volume": 1200000.5},
                  {"time": "2024-01-05", "open": "102", "high": "104", "low": "101", "close": "103.00", "volume": "0"}
                ]""");

        List<PriceBar> bars = source.bars(request(List.of("AAPL"), Map.of()));

        // numbers keep the scale the server wrote (101.50, 102.10); the 5th is outside the days asked for
        assertThat(bars).containsExactly(
                bar("AAPL", "2024-01-02", "100", "102", "99.5", "101.50", "1200000.5"),
                bar("AAPL", "2024-01-03", "101.50", "103.25", "100.75", "102.10", "1500000"));
        assertThat(server.seen()).containsExactly(new FixedJsonServer.Seen("/bars/AAPL?from=2024-01-02&to=2024-01-04", null));
    }

    @Test
    void anAssetIdIsPercentEncodedInThePath() {
        server.answer("/bars/BRK%20B%2F1", 200, "[]");

        assertThat(source.bars(request(List.of("BRK B/1"), Map.of()))).isEmpty();
        assertThat(server.seen().getFirst().pathAndQuery()).isEqualTo("/bars/BRK%20B%2F1?from=2024-01-02&to=2024-01-04");
    }

    @Test
    void pathsFieldNamesTheArraysPlaceAndEpochSecondsAreConfigurableAndClosesAloneAreEnough() {
        // 1704153600 s = 2024-01-02T00:00Z and 1704240000 s = 2024-01-03T00:00Z (date -u -d @1704153600)
        server.answer("/v2/prices", 200, """
                {"data": {"bars": [{"t": 1704153600, "c": 42000.5}, {"t": 1704240000, "c": 43000}]}}""");

        List<PriceBar> bars = source.bars(request(List.of("BTC-USD"), Map.of(
                "barsPath", "/v2/prices?symbol={asset}&start={from}&end={to}", "barsPointer", "/data/bars",
                "timeField", "t", "closeField", "c", "openField", "", "highField", "", "lowField", "", "volumeField", "",
                "epochUnit", "seconds")));

        assertThat(bars).containsExactly(
                bar("BTC-USD", "2024-01-02", "42000.5", "42000.5", "42000.5", "42000.5", "0"),
                bar("BTC-USD", "2024-01-03", "43000", "43000", "43000", "43000", "0"));
        assertThat(server.seen().getFirst().pathAndQuery()).isEqualTo("/v2/prices?symbol=BTC-USD&start=2024-01-02&end=2024-01-04");
    }

    @Test
    void aTimeMayBeAnInstantADateTimeWithOffsetOrEpochMilliseconds() {
        // 21:00Z is still the 2nd in UTC; 20:00-05:00 on the 3rd is the 3rd as written (01:00Z on the 4th);
        // 1704326400000 ms = 2024-01-04T00:00Z
        server.answer("/bars/X", 200, """
                [{"time": "2024-01-02T21:00:00Z", "open": 1, "high": 1, "low": 1, "close": 1, "volume": 0},
                 {"time": "2024-01-03T20:00:00-05:00", "open": 2, "high": 2, "low": 2, "close": 2, "volume": 0},
                 {"time": 1704326400000, "open": 3, "high": 3, "low": 3, "close": 3, "volume": 0}]""");

        assertThat(source.bars(request(List.of("X"), Map.of()))).extracting(PriceBar::time).containsExactly(
                Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z"), Instant.parse("2024-01-04T00:00:00Z"));
    }

    @Test
    void instrumentsComeFromTheServiceWithDefaultsForWhatItDoesNotSay() {
        server.answer("/instruments", 200, """
                ["AAPL", {"id": "BTC-USD", "name": "Bitcoin", "assetClass": "crypto", "sector": "Layer 1", "currency": "USD"},
                 {"id": "SAP", "currency": "EUR"}]""");

        assertThat(source.instruments(Map.of("baseUrl", server.baseUrl() + "/", "sector", "Tech"))).containsExactly(
                new Instrument("AAPL", "AAPL", AssetClass.EQUITY, "Tech", "USD"),
                new Instrument("BTC-USD", "Bitcoin", AssetClass.CRYPTO, "Layer 1", "USD"),
                new Instrument("SAP", "SAP", AssetClass.EQUITY, "Tech", "EUR"));
    }

    @Test
    void instrumentsGivenAsAParameterNeedNoRequestAndBoundTheAssetsAsked() {
        Map<String, Object> parameters = Map.of("baseUrl", server.baseUrl(), "assets", "AAA, BBB", "assetClass", "CRYPTO");

        assertThat(source.instruments(parameters)).containsExactly(
                new Instrument("AAA", "AAA", AssetClass.CRYPTO, "Unclassified", "USD"),
                new Instrument("BBB", "BBB", AssetClass.CRYPTO, "Unclassified", "USD"));
        assertThatThrownBy(() -> source.bars(new BarRequest(List.of("AAA", "CCC"), JAN_2, JAN_4, parameters)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asset CCC is not one of the source's assets [AAA, BBB]");
        assertThat(server.seen()).isEmpty();
    }

    @Test
    void aBearerTokenIsReadFromTheEnvironmentVariableTheParameterNames() {
        // the surefire configuration sets BALLAST_PLUGIN_SECRET_TEST_MARKET_DATA_TOKEN=local-test-token for this module's tests
        server.answer("/bars/AAPL", 200, "[]");

        source.bars(request(List.of("AAPL"), Map.of("tokenEnvironmentVariable", "BALLAST_PLUGIN_SECRET_TEST_MARKET_DATA_TOKEN")));

        assertThat(server.seen().getFirst().authorization()).isEqualTo("Bearer local-test-token");
        assertThatThrownBy(() -> source.bars(request(List.of("AAPL"), Map.of("tokenEnvironmentVariable", "BALLAST_PLUGIN_SECRET_TEST_NOT_SET"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter tokenEnvironmentVariable: the environment variable BALLAST_PLUGIN_SECRET_TEST_NOT_SET is not set in the platform's environment");
    }

    /** Requests one after another would each wait for the others, forever: only requests made at once are answered. */
    @Test
    void theAssetsAreFetchedAllAtOnce() {
        List<String> assets = List.of("A1", "A2", "A3", "A4");
        assets.forEach(asset -> server.answer("/bars/" + asset, 200, "[]"));
        server.answerOnlyWhenInAtOnce(assets.size());

        assertThat(source.bars(request(assets, Map.of("timeoutMillis", 5000L)))).isEmpty();
        assertThat(server.seen()).hasSize(4);
    }

    @Test
    void aCallAsksForAtMostFiftyAssetsAndATimeoutBelowTheCallTimeout() {
        List<String> assets = java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(i -> "A" + i).toList();

        assertThatThrownBy(() -> source.bars(request(assets, Map.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("assets: 51 asked for; http-json fetches at most 50 in one call (one request each, all at once),"
                        + " ask in several calls");
        assertThatThrownBy(() -> source.bars(request(List.of("AAPL"), Map.of("timeoutMillis", 8001L))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parameter timeoutMillis: must be at most 8000, got 8001");
        assertThat(server.seen()).isEmpty();
    }

    /** Only the operator's secret variables may be sent: a caller cannot make the source send PATH (or a database password) to a host. */
    @Test
    void aTokenVariableWithoutTheSecretPrefixIsRefusedBeforeAnyRequest() {
        server.answer("/bars/AAPL", 200, "[]");

        assertThatThrownBy(() -> source.bars(request(List.of("AAPL"), Map.of("tokenEnvironmentVariable", "PATH"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter tokenEnvironmentVariable: must name an environment variable whose name starts with "
                        + "BALLAST_PLUGIN_SECRET_ (plugins read secrets from no other), got 'PATH'");
        assertThat(server.seen()).isEmpty();
    }

    @Test
    void aRefusedTokenIsReportedWithoutShowingIt() {
        server.answer("/bars/AAPL", 401, "{\"error\": \"bad token\"}");

        assertThatThrownBy(() -> source.bars(request(List.of("AAPL"), Map.of("tokenEnvironmentVariable", "BALLAST_PLUGIN_SECRET_TEST_MARKET_DATA_TOKEN"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GET " + server.baseUrl() + "/bars/AAPL?from=2024-01-02&to=2024-01-04: HTTP 401 (check the token in the "
                        + "environment variable named by tokenEnvironmentVariable): {\"error\": \"bad token\"}")
                .message().doesNotContain("local-test-token");
    }

    private BarRequest request(List<String> assets, Map<String, Object> parameters) {
        Map<String, Object> withBase = new HashMap<>(parameters);
        withBase.put("baseUrl", server.baseUrl());
        return new BarRequest(assets, JAN_2, JAN_4, withBase);
    }

    static PriceBar bar(String asset, String day, String open, String high, String low, String close, String volume) {
        return new PriceBar(asset, Instant.parse(day + "T00:00:00Z"), new BigDecimal(open), new BigDecimal(high),
                new BigDecimal(low), new BigDecimal(close), new BigDecimal(volume));
    }
}
