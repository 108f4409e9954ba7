package io.ballast.platform.app;

import io.ballast.api.marketdata.PriceBar;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.marketdata.SampleMarket;
import io.ballast.platform.marketdata.SampleMarketGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged platform ({@code java -jar ballast.jar ...}) run as a user runs it: a child
 * process with its own JVM, its output in a log file, stopped with SIGTERM.
 */
final class ServedPlatform implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("ballast.jar", "target/ballast.jar")).toAbsolutePath().normalize();
    static final Path REPO = Path.of(System.getProperty("ballast.repo.root", "..")).toAbsolutePath().normalize();
    /** The plugin jars the build packages, to drop into a served platform's plugins folder. */
    static final Path BUNDLED_PLUGINS = REPO.resolve("platform/target/plugins");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ServedPlatform(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code ballast.jar} with these arguments; its output goes to files in {@code logs}. */
    static ServedPlatform launch(Path logs, String... arguments) throws IOException {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Xmx512m");
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // the engine's agrona still uses Unsafe
        }
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(logs, "stdout-", ".log");
        Path err = Files.createTempFile(logs, "stderr-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(REPO.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BALLAST_"));
        return new ServedPlatform(builder.start(), out, err);
    }

    /** The sample market a platform with the default market-data config generates and loads on its first start. */
    static SampleMarket sampleMarket() {
        BallastConfig.MarketData sample = BallastConfig.defaults().marketData();
        return SampleMarketGenerator.generate(sample.sampleSeed(), sample.sampleYears());
    }

    static BigDecimal lastClose(SampleMarket market, String asset) {
        return market.bars().stream()
                .filter(bar -> bar.asset().equals(asset))
                .max(Comparator.comparing(PriceBar::time))
                .orElseThrow()
                .close();
    }

    /** One bearer token of the config: its user and that user's one role. */
    record Token(String token, String user, String role) {}

    /**
     * Writes {@code home/ballast.yaml}: the store and data in {@code home/data}, the port, the
     * plugins folder when given (null for the default), and the tokens.
     */
    static Path writeConfig(Path home, int port, Path plugins, Token... tokens) throws IOException {
        StringBuilder yaml = new StringBuilder("dataDirectory: " + home.resolve("data") + "\nhttp:\n  port: " + port + "\n");
        if (plugins != null) {
            yaml.append("plugins:\n  directory: ").append(plugins).append('\n');
        }
        yaml.append("security:\n  tokens:\n");
        for (Token token : tokens) {
            yaml.append("    - token: ").append(token.token()).append("\n      user: ").append(token.user())
                    .append("\n      roles: [").append(token.role()).append("]\n");
        }
        return Files.writeString(home.resolve("ballast.yaml"), yaml.toString());
    }

    /** Serves {@code config} with its logs in {@code home/logs}, and waits until it is healthy. */
    static ServedPlatform serve(Path home, Path config, HttpClient http, int port) throws IOException, InterruptedException {
        ServedPlatform platform = launch(home.resolve("logs"), "serve", "--config", config.toString());
        platform.awaitHealthy(http, port);
        return platform;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A request to the API served on {@code port}: the bearer token when given, the content type when given, 60 s to answer. */
    static HttpRequest.Builder request(int port, String method, String path, String token, String contentType,
            HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /** A {@link #request} with a JSON body, or none when {@code json} is null. */
    static HttpRequest.Builder jsonRequest(int port, String method, String path, String token, String json) {
        return request(port, method, path, token, json == null ? null : "application/json",
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    /** One question to the served platform, asked again by {@link #poll}. */
    @FunctionalInterface
    interface Call<T> {
        T get() throws IOException, InterruptedException;
    }

    /**
     * Asks every {@code every} until the answer satisfies {@code done}, for at most {@code within}; the
     * failure names the last answer and the platform's output.
     */
    <T> T poll(Call<T> call, Predicate<T> done, String what, Duration within, Duration every) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        T last = call.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + ": " + what + "; last answer " + last + "\n" + output());
            }
            Thread.sleep(every.toMillis());
            last = call.get();
        }
        return last;
    }

    /** Waits until {@code GET /health} answers 200. */
    void awaitHealthy(HttpClient http, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the platform exited with " + process.exitValue() + " before it was healthy:\n" + output());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the platform was not healthy within " + START_TIMEOUT + ":\n" + output());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the platform did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** SIGTERM, as a service manager stops it, then waits for the exit. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    String stdout() {
        try {
            return Files.readString(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> stderrLines() {
        try {
            return Files.readAllLines(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String output() {
        return stdout() + "\n--- stderr ---\n" + String.join("\n", stderrLines());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
