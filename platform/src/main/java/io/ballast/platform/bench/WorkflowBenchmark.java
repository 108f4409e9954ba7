package io.ballast.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.platform.app.BallastPlatform;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.marketdata.SampleMarket;
import io.ballast.platform.marketdata.SampleMarketGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * {@code bench workflow}: auto-approved rebalances end to end on the embedded platform, through its
 * REST API as a client calls it: proposed ({@code POST .../rebalances}, 202), risk-checked by the
 * rules in the {@code rebalance-approval} process, executed on the paper venue and booked.
 *
 * <p>Each rebalance has a portfolio of its own (booked before the clock starts), so that no two
 * rebalances trade the same holdings: the 16 sample equities at about 10 000 each, moved by buying
 * one for 1% of NAV and selling another for as much, a gross notional of about 3 200, far within
 * the auto-approve limit, every weight under the concentration limits. A few clients each propose a
 * rebalance and wait for it to finish before the next. The latency of one rebalance is from the moment
 * its proposal is sent to the time its history gives the EXECUTED step (the platform's clock, the same
 * machine's); completions per second count the executed rebalances over the time from the first
 * proposal sent to the last one executed. Last, {@link EngineFloorBenchmark} measures the engine alone on
 * a process of the same shape with workers that do nothing: the ceiling of the figure above.
 */
public final class WorkflowBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "bench-workflow-token-" + "0123456789abcdef0123456789";
    private static final BigDecimal VALUE_PER_EQUITY = new BigDecimal("10000");
    private static final String BOUGHT = "NVLX";
    private static final String SOLD = "HRBK";
    private static final double MOVED_FRACTION = 0.01;
    private static final Duration FINISH_WITHIN = Duration.ofMinutes(10);
    /**
     * How often a client asks whether its rebalance finished. The latency is read from the stored history,
     * not from the poll, so this only bounds how soon a client sends its next proposal; polling much faster
     * would measure the platform answering GETs, not rebalancing.
     */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final BallastConfig config;
    private final int rebalances;
    private final int warmUpRebalances;
    private final int concurrency;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param config           the platform to start; its security tokens, HTTP port and rebalance settings are replaced
     * @param rebalances       how many timed rebalances
     * @param warmUpRebalances how many untimed ones first, so that the JIT has compiled the path
     * @param concurrency      how many rebalances may be on their way at once (clients, each waiting for its last one)
     */
    public WorkflowBenchmark(BallastConfig config, int rebalances, int warmUpRebalances, int concurrency) {
        this.config = benchConfig(Objects.requireNonNull(config, "config"));
        if (rebalances < 1) {
            throw new IllegalArgumentException("--rebalances must be at least 1, got " + rebalances);
        }
        if (warmUpRebalances < 0) {
            throw new IllegalArgumentException("--warm-up must not be negative, got " + warmUpRebalances);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, got " + concurrency);
        }
        this.rebalances = rebalances;
        this.warmUpRebalances = warmUpRebalances;
        this.concurrency = concurrency;
    }

    /** Starts the platform, runs the warm-up and the timed rebalances, stops it; hands each figure to {@code report}. */
    public List<Measurement> run(Consumer<Measurement> report) throws IOException, InterruptedException {
        Measurements keep = new Measurements(report);
        Map<String, BigDecimal> closes = lastEquityCloses(config.marketData());
        try (BallastPlatform platform = BallastPlatform.start(config)) {
            URI api = URI.create("http://127.0.0.1:" + platform.port());
            if (warmUpRebalances > 0) {
                runRound(api, closes, warmUpRebalances);
            }
            Round round = runRound(api, closes, rebalances);
            String size = "n=" + rebalances;
            double[] latencies = round.latenciesMillis();
            keep.accept(new Measurement("rebalances-executed " + size, latencies.length, "rebalances"));
            keep.accept(new Measurement("rebalances-not-executed " + size, rebalances - latencies.length, "rebalances"));
            double seconds = round.elapsed().toNanos() / 1e9;
            keep.accept(new Measurement("completions-per-second " + size, latencies.length / seconds, "rebalances/s"));
            keep.accept(new Measurement("proposal-to-executed-median " + size, percentile(latencies, 50), "ms"));
            keep.accept(new Measurement("proposal-to-executed-p95 " + size, percentile(latencies, 95), "ms"));
            keep.accept(new Measurement("proposal-accepted-median " + size, percentile(round.acceptedMillis(), 50), "ms"));
        }
        // after the platform stopped, so that the two never share the machine
        double floor = new EngineFloorBenchmark(config.workflow(), rebalances, warmUpRebalances, concurrency).completionsPerSecond();
        keep.accept(new Measurement("engine-floor-completions-per-second n=" + rebalances, floor, "processes/s"));
        return keep.all();
    }

    /**
     * The latencies of the rebalances that executed, the time each proposal took to be accepted, and
     * the time from the first proposal sent to the last rebalance executed.
     */
    private record Round(double[] latenciesMillis, double[] acceptedMillis, Duration elapsed) {}

    /**
     * {@link #concurrency} clients in a {@link ClosedLoop}, each proposing the next rebalance once its last one
     * finished: at most that many rebalances are on their way at once.
     */
    private Round runRound(URI api, Map<String, BigDecimal> closes, int count) throws IOException, InterruptedException {
        List<String> portfolios = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            portfolios.add(bookPortfolio(api, closes, i));
        }
        String targets = targets(closes);
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Instant> lastExecuted = new AtomicReference<>();
        long deadline = System.nanoTime() + FINISH_WITHIN.toNanos();
        Instant start = Instant.now();
        lastExecuted.set(start);
        ClosedLoop.run(count, concurrency, i -> {
            Instant sentAt = Instant.now();
            long sentNanos = System.nanoTime();
            HttpResponse<String> response = http.send(request(api, "/api/v1/portfolios/" + portfolios.get(i) + "/rebalances", targets),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("a proposal was answered " + response.statusCode() + ": " + response.body());
            }
            accepted.add((System.nanoTime() - sentNanos) / 1e6);
            JsonNode rebalance = awaitFinished(api, read(response.body()).get("id").asText(), deadline);
            if (rebalance.get("status").asText().equals("EXECUTED")) {
                JsonNode history = rebalance.get("history");
                Instant executedAt = Instant.parse(history.get(history.size() - 1).get("at").asText());
                latencies.add(Duration.between(sentAt, executedAt).toNanos() / 1e6);
                lastExecuted.accumulateAndGet(executedAt, (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        return new Round(latencies.stream().mapToDouble(Double::doubleValue).toArray(),
                accepted.stream().mapToDouble(Double::doubleValue).toArray(), Duration.between(start, lastExecuted.get()));
    }

    /**
     * Polls until the rebalance is no longer on its way: EXECUTED, or a status where it would wait for
     * people or has ended otherwise (counted as not executed).
     */
    private JsonNode awaitFinished(URI api, String rebalanceId, long deadline) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> response = http.send(request(api, "/api/v1/rebalances/" + rebalanceId, null), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET rebalance " + rebalanceId + " was answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode rebalance = read(response.body());
            String status = rebalance.get("status").asText();
            if (!status.equals("PROPOSED") && !status.equals("AUTO_APPROVED") && !status.equals("APPROVED")) {
                return rebalance;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rebalance " + rebalanceId + " did not finish within " + FINISH_WITHIN + ", it is " + status);
            }
            Thread.sleep(POLL_INTERVAL);
        }
    }

    /** The 16 sample equities, floor(10 000 / close) units each at their last close, no cash. */
    private String bookPortfolio(URI api, Map<String, BigDecimal> closes, int number) throws IOException, InterruptedException {
        List<Map<String, Object>> positions = new ArrayList<>();
        closes.forEach((asset, close) -> positions.add(Map.of("asset", asset, "quantity", quantity(close), "averagePrice", close)));
        String body = JSON.writeValueAsString(Map.of("name", "bench " + number, "baseCurrency", "USD", "cash", 0, "positions", positions));
        HttpResponse<String> created = http.send(request(api, "/api/v1/portfolios", body), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("booking a portfolio was answered " + created.statusCode() + ": " + created.body());
        }
        return read(created.body()).get("id").asText();
    }

    /** Every equity at its weight, {@link #BOUGHT} up and {@link #SOLD} down by 1% of NAV; the weights still sum to 1. */
    private static String targets(Map<String, BigDecimal> closes) throws IOException {
        BigDecimal nav = closes.values().stream().map(close -> quantity(close).multiply(close)).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Double> weights = new LinkedHashMap<>();
        closes.forEach((asset, close) -> weights.put(asset, quantity(close).multiply(close).doubleValue() / nav.doubleValue()));
        weights.merge(BOUGHT, MOVED_FRACTION, Double::sum);
        weights.merge(SOLD, -MOVED_FRACTION, Double::sum);
        return JSON.writeValueAsString(Map.of("targetWeights", weights, "reason", "bench workflow"));
    }

    private static BigDecimal quantity(BigDecimal close) {
        return VALUE_PER_EQUITY.divide(close, 0, RoundingMode.DOWN);
    }

    /** The sample market the platform loads on its first start, regenerated here for the equities' last closes. */
    private static Map<String, BigDecimal> lastEquityCloses(BallastConfig.MarketData sample) {
        SampleMarket market = SampleMarketGenerator.generate(sample.sampleSeed(), sample.sampleYears());
        Map<String, BigDecimal> closes = new LinkedHashMap<>();
        for (Instrument instrument : market.instruments()) {
            if (instrument.assetClass() == AssetClass.EQUITY) {
                closes.put(instrument.id(), market.bars().stream().filter(bar -> bar.asset().equals(instrument.id()))
                        .max(Comparator.comparing(PriceBar::time)).orElseThrow().close());
            }
        }
        if (!closes.containsKey(BOUGHT) || !closes.containsKey(SOLD)) {
            throw new IllegalStateException("the sample market has no " + BOUGHT + " or no " + SOLD);
        }
        return closes;
    }

    private HttpRequest request(URI api, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN);
        if (body == null) {
            return request.GET().build();
        }
        return request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** Nearest rank: a latency that one rebalance really had. */
    private static double percentile(double[] values, double percent) {
        if (values.length == 0) {
            return Double.NaN;
        }
        return new Percentile().withEstimationType(Percentile.EstimationType.R_1).evaluate(values, percent);
    }

    /** The bench's own token (a portfolio manager), a free port, and the rebalance defaults: auto-approve limit 50 000. */
    private static BallastConfig benchConfig(BallastConfig config) {
        BallastConfig.Security security = new BallastConfig.Security(List.of(
                new BallastConfig.AccessToken(TOKEN, "bench", java.util.Set.of("portfolio-manager"))));
        return new BallastConfig(config.mode(), config.dataDirectory(), new BallastConfig.Http("127.0.0.1", 0), config.store(),
                config.marketData(), config.rules(), config.plugins(), config.workflow(), security, config.alerts(), config.monitor(),
                BallastConfig.Rebalance.defaults());
    }
}
