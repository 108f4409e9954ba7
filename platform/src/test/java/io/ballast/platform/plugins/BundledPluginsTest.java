package io.ballast.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ballast.api.alert.Alert;
import io.ballast.api.execution.Fill;
import io.ballast.api.execution.Order;
import io.ballast.api.execution.OrderAck;
import io.ballast.api.execution.OrderSide;
import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.plugin.BallastExtension;
import io.ballast.api.risk.Severity;
import io.ballast.api.strategy.Signal;
import io.ballast.api.strategy.StrategyContext;
import io.ballast.api.strategy.StrategyOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every plugin the platform ships, loaded from {@code target/plugins} by the real host and called
 * through its guard, as the platform calls them: each extension point answers once with a figure
 * worked out by hand.
 */
class BundledPluginsTest {

    private static PluginHost host;

    @BeforeAll
    static void start() {
        host = PluginHost.start(Path.of("target", "plugins"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void everyBundledPluginStartsWithItsExtensions() {
        assertThat(host.failedPlugins()).isEmpty();
        assertThat(host.loadedPluginIds()).containsExactlyInAnyOrder("optimizer-equal-weight", "optimizers", "strategies",
                "execution-paper", "alerts", "marketdata-csv", "marketdata-synthetic", "marketdata-http");
        assertThat(ids(host.optimizers())).containsExactlyInAnyOrder("equal-weight", "inverse-volatility", "min-volatility",
                "max-sharpe", "efficient-return", "efficient-risk", "risk-parity", "hrp", "black-litterman",
                "max-diversification", "kelly");
        assertThat(ids(host.strategies())).containsExactlyInAnyOrder("time-series-momentum", "cross-sectional-momentum",
                "mean-reversion", "market-regime");
        assertThat(ids(host.marketDataSources())).containsExactlyInAnyOrder("csv-folder", "synthetic", "http-json");
        assertThat(ids(host.executionVenues())).containsExactly("paper");
        assertThat(ids(host.alertChannels())).containsExactlyInAnyOrder("log", "webhook", "email");
    }

    /** Buy 100 at a reference of 50.00: 5 bp slippage gives 50.025; 10 bp of 5,002.50 is 5.0025, 5.00 in cents. */
    @Test
    void thePaperVenueFillsAtTheSlippedPriceWithItsFee() {
        var venue = host.executionVenue("paper").orElseThrow();

        OrderAck ack = venue.submit(Order.market("c-1", "p-1", "AAPL", OrderSide.BUY, new BigDecimal("100"),
                Optional.of(new BigDecimal("50.00"))));
        List<Fill> fills = venue.fills(ack.venueOrderId().orElseThrow());

        assertThat(ack.accepted()).isTrue();
        assertThat(fills).hasSize(1);
        assertThat(fills.get(0).price()).isEqualByComparingTo("50.025");
        assertThat(fills.get(0).fee()).isEqualByComparingTo("5.00");
        assertThat(fills.get(0).quantity()).isEqualByComparingTo("100");
    }

    /** The closes the CSV source answers are the file's own cells, read here line by line. */
    @Test
    void theCsvFolderSourceReadsTheSharedPriceFiles() throws IOException {
        Path folder = Path.of(System.getProperty("ballast.shared.data"));
        List<String> lines = Files.readAllLines(folder.resolve("stock_prices.csv"));
        int column = List.of(lines.get(0).split(",")).indexOf("AAPL");
        List<BigDecimal> expected = new ArrayList<>();
        for (String line : lines.subList(lines.size() - 3, lines.size())) {
            expected.add(new BigDecimal(line.split(",", -1)[column]));
        }

        List<PriceBar> bars = host.marketDataSource("csv-folder").orElseThrow().bars(new BarRequest(List.of("AAPL"),
                LocalDate.of(2018, 4, 9), LocalDate.of(2018, 4, 11), Map.of("folder", folder.toString())));

        assertThat(bars).extracting(PriceBar::close).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(expected);
    }

    /** A price rising 0.1% every day has positive 12-1 momentum and no volatility: full strength. */
    @Test
    void aStrategyRunsOnAPriceHistory() {
        int days = 300;
        List<LocalDate> dates = new ArrayList<>();
        double[] closes = new double[days];
        for (int day = 0; day < days; day++) {
            dates.add(LocalDate.of(2024, 1, 1).plusDays(day));
            closes[day] = 100 * Math.pow(1.001, day);
        }
        StrategyContext context = new StrategyContext(dates.getLast(), List.of("UP"),
                new PriceHistory(dates, Map.of("UP", closes)), 252, Optional.empty(), Map.of());

        StrategyOutput output = host.strategy("time-series-momentum").orElseThrow().evaluate(context);

        assertThat(output.signals()).extracting(Signal::asset).containsExactly("UP");
        assertThat(output.signals().get(0).strength()).isEqualTo(1.0);
    }

    @Test
    void theWebhookChannelPostsToARealReceiver() throws IOException {
        AtomicReference<String> received = new AtomicReference<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            host.alertChannel("webhook").orElseThrow().deliver(
                    new Alert(Severity.CRITICAL, "Hard stop-loss", "NVLX 9% below entry", Instant.parse("2024-03-01T14:30:00Z"),
                            "rule:hard stop-loss"),
                    Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
        } finally {
            receiver.stop(0);
        }

        assertThat(received.get()).contains("\"text\":\"[CRITICAL] Hard stop-loss\"").contains("NVLX 9% below entry");
    }

    private static List<String> ids(List<? extends BallastExtension> extensions) {
        return extensions.stream().map(BallastExtension::id).toList();
    }
}
