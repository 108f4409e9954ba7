package io.ballast.platform.plugins;

import static io.ballast.platform.plugins.TestPluginJars.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.alert.Alert;
import io.ballast.api.execution.Fill;
import io.ballast.api.execution.Order;
import io.ballast.api.execution.OrderAck;
import io.ballast.api.execution.OrderSide;
import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.marketdata.Subscription;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.risk.Severity;
import io.ballast.api.strategy.Signal;
import io.ballast.api.strategy.StrategyContext;
import io.ballast.api.strategy.StrategyOutput;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One plugin compiled here offering a strategy, a data source, a venue and an alert channel: found, listed and called through the guard. */
class ExtensionPointsTest {

    private static final String STRATEGY = """
            package test.points;
            import io.ballast.api.plugin.ParameterSpec;
            import io.ballast.api.strategy.*;
            import java.util.*;
            public class ProbeStrategy implements Strategy {
                public String id() { return "probe-momentum"; }
                public String version() { return "0.3.0"; }
                public String description() { return "buys the first asset of the universe"; }
                public List<ParameterSpec> parameters() {
                    return List.of(new ParameterSpec("lookbackDays", ParameterSpec.ParameterType.INTEGER, "trading days looked back",
                            Optional.of(252), Optional.of(20.0), Optional.of(504.0)));
                }
                public StrategyOutput evaluate(StrategyContext context) {
                    String first = context.universe().get(0);
                    return StrategyOutput.ofSignals(List.of(new Signal(first, 0.5, 0.8,
                            "last close " + context.prices().lastClose(first).getAsDouble())));
                }
            }
            """;
    private static final String SOURCE = """
            package test.points;
            import io.ballast.api.marketdata.*;
            import io.ballast.api.plugin.ParameterSpec;
            import java.math.BigDecimal;
            import java.time.*;
            import java.util.*;
            public class ProbeSource implements MarketDataSource {
                public String id() { return "probe-source"; }
                public String version() { return "1.0.0"; }
                public String description() { return "one instrument, one bar"; }
                public List<ParameterSpec> parameters() { return List.of(); }
                public List<Instrument> instruments(Map<String, Object> parameters) {
                    return List.of(new Instrument("AAA", "Triple A", AssetClass.EQUITY, "Tech", "USD"));
                }
                public List<PriceBar> bars(BarRequest request) {
                    BigDecimal ten = new BigDecimal("10");
                    return List.of(new PriceBar("AAA", request.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant(), ten, ten, ten, ten, BigDecimal.ONE));
                }
                public Optional<Subscription> subscribe(List<String> assets, Map<String, Object> parameters, PriceBarListener listener) {
                    BigDecimal eleven = new BigDecimal("11");
                    listener.onBar(new PriceBar(assets.get(0), Instant.EPOCH, eleven, eleven, eleven, eleven, BigDecimal.ONE));
                    return Optional.of(() -> { throw new IllegalStateException("already closed"); });
                }
            }
            """;
    private static final String VENUE = """
            package test.points;
            import io.ballast.api.execution.*;
            import io.ballast.api.plugin.ParameterSpec;
            import java.math.BigDecimal;
            import java.time.Instant;
            import java.util.*;
            public class ProbeVenue implements ExecutionVenue {
                public String id() { return "probe-venue"; }
                public String version() { return "1.0.0"; }
                public String description() { return "fills everything at 10 with a fee of 0.5"; }
                public List<ParameterSpec> parameters() { return List.of(); }
                public OrderAck submit(Order order) { return OrderAck.accepted(order.clientOrderId(), "V-" + order.clientOrderId(), Instant.EPOCH); }
                public List<Fill> fills(String venueOrderId) {
                    return List.of(new Fill("F-1", venueOrderId, venueOrderId.substring(2), "AAA", OrderSide.BUY, new BigDecimal("3"),
                            new BigDecimal("10"), new BigDecimal("0.5"), "USD", Instant.EPOCH));
                }
            }
            """;
    private static final String CHANNEL = """
            package test.points;
            import io.ballast.api.alert.*;
            import io.ballast.api.plugin.ParameterSpec;
            import java.util.*;
            public class ProbeChannel implements AlertChannel {
                public String id() { return "probe-channel"; }
                public String version() { return "1.0.0"; }
                public String description() { return "refuses alerts titled unreachable"; }
                public List<ParameterSpec> parameters() { return List.of(); }
                public void deliver(Alert alert, Map<String, Object> parameters) {
                    if (alert.title().equals("unreachable")) {
                        throw new IllegalStateException("connection refused");
                    }
                }
            }
            """;

    @TempDir
    static Path plugins;

    @BeforeAll
    static void compile() {
        plugin("test-points")
                .extension("test.points.ProbeStrategy", STRATEGY)
                .extension("test.points.ProbeSource", SOURCE)
                .extension("test.points.ProbeVenue", VENUE)
                .extension("test.points.ProbeChannel", CHANNEL)
                .writeTo(plugins.resolve("points.jar"));
    }

    @Test
    void eachPointsExtensionIsListedWithItsPointAndParameters() {
        try (PluginHost host = PluginHost.start(plugins)) {
            PluginEntry entry = host.plugin("test-points").orElseThrow();

            assertThat(entry.extensions()).extracting(ExtensionDescription::point, ExtensionDescription::id).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(BallastExtensionPoint.STRATEGY, "probe-momentum"),
                    org.assertj.core.groups.Tuple.tuple(BallastExtensionPoint.MARKET_DATA_SOURCE, "probe-source"),
                    org.assertj.core.groups.Tuple.tuple(BallastExtensionPoint.EXECUTION_VENUE, "probe-venue"),
                    org.assertj.core.groups.Tuple.tuple(BallastExtensionPoint.ALERT_CHANNEL, "probe-channel"));
            // the declared default 252 (an Integer) is listed as the plain INTEGER value the API validates with, a Long
            assertThat(entry.extensions().getFirst().parameters()).containsExactly(new ParameterSpec("lookbackDays",
                    ParameterSpec.ParameterType.INTEGER, "trading days looked back", Optional.of(252L), Optional.of(20.0), Optional.of(504.0)));
            assertThat(host.strategies()).extracting(s -> s.id()).containsExactly("probe-momentum");
            assertThat(host.marketDataSources()).extracting(s -> s.id()).containsExactly("probe-source");
            assertThat(host.executionVenues()).extracting(v -> v.id()).containsExactly("probe-venue");
            assertThat(host.alertChannels()).extracting(c -> c.id()).containsExactly("probe-channel");
            assertThat(host.optimizers()).isEmpty();
        }
    }

    @Test
    void aStrategyIsEvaluatedThroughTheGuard() {
        try (PluginHost host = PluginHost.start(plugins)) {
            PriceHistory prices = new PriceHistory(List.of(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-04")),
                    Map.of("AAA", new double[] {10.0, 12.5}));
            StrategyContext context = new StrategyContext(LocalDate.parse("2024-03-04"), List.of("AAA"), prices, 252,
                    Optional.empty(), Map.of("lookbackDays", 20));

            StrategyOutput output = host.strategy("probe-momentum").orElseThrow().evaluate(context);

            assertThat(output.signals()).containsExactly(new Signal("AAA", 0.5, 0.8, "last close 12.5"));
            assertThat(host.strategy("probe-momentum").orElseThrow()).isInstanceOf(GuardedStrategy.class);
        }
    }

    @Test
    void aDataSourceListsFetchesAndStreamsAndClosingItsStreamIsGuardedToo() {
        try (PluginHost host = PluginHost.start(plugins)) {
            var source = host.marketDataSource("probe-source").orElseThrow();

            assertThat(source.instruments(Map.of())).containsExactly(new Instrument("AAA", "Triple A", AssetClass.EQUITY, "Tech", "USD"));
            List<PriceBar> bars = source.bars(new BarRequest(List.of("AAA"), LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-01"), Map.of()));
            assertThat(bars).singleElement().satisfies(bar -> {
                assertThat(bar.time()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
                assertThat(bar.close()).isEqualByComparingTo("10");
            });
            List<PriceBar> streamed = new CopyOnWriteArrayList<>();
            Subscription subscription = source.subscribe(List.of("AAA"), Map.of(), streamed::add).orElseThrow();
            assertThat(streamed).singleElement().extracting(PriceBar::close).isEqualTo(new BigDecimal("11"));
            assertThatThrownBy(subscription::close)
                    .isInstanceOf(PluginCallException.class)
                    .hasMessage("plugin test-points 1.0.0, market-data-source probe-source: close subscription failed:"
                            + " IllegalStateException: already closed");
        }
    }

    @Test
    void aVenueTakesOrdersAndGivesFillsWithFees() {
        try (PluginHost host = PluginHost.start(plugins)) {
            var venue = host.executionVenue("probe-venue").orElseThrow();

            OrderAck ack = venue.submit(Order.market("C-7", "p-1", "AAA", OrderSide.BUY, new BigDecimal("3"), Optional.empty()));
            List<Fill> fills = venue.fills(ack.venueOrderId().orElseThrow());

            assertThat(ack.accepted()).isTrue();
            assertThat(ack.venueOrderId()).hasValue("V-C-7");
            assertThat(fills).singleElement().satisfies(fill -> {
                assertThat(fill.clientOrderId()).isEqualTo("C-7");
                assertThat(fill.fee()).isEqualByComparingTo("0.5");
            });
            assertThat(venue.cancel("V-C-7")).as("the SPI's default: cannot cancel").isFalse();
        }
    }

    @Test
    void anAlertChannelDeliversAndAFailedDeliveryNamesThePluginAndTheCause() {
        try (PluginHost host = PluginHost.start(plugins)) {
            var channel = host.alertChannel("probe-channel").orElseThrow();

            channel.deliver(new Alert(Severity.WARNING, "Concentration", "NVLX is 41% of NAV", Instant.EPOCH, "rule:concentration"), Map.of());

            assertThatThrownBy(() -> channel.deliver(new Alert(Severity.CRITICAL, "unreachable", "x", Instant.EPOCH, "test"), Map.of()))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessage("plugin test-points 1.0.0, alert-channel probe-channel: deliver failed: IllegalStateException: connection refused");
        }
    }
}
