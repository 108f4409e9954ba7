package io.ballast.plugins.marketdata.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on a free loopback port that answers fixed bodies by path, hangs where told
 * to (until closed), and records what it was asked: the raw path and query and the Authorization
 * header. As a JUnit extension in an instance field, each test gets its own, closed after it.
 */
final class FixedJsonServer implements AutoCloseable, AfterEachCallback {

    /** One request as the server saw it. */
    record Seen(String pathAndQuery, String authorization) {
    }

    private record Answer(int status, String body, String location) {
        Answer(int status, String body) {
            this(status, body, null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile CountDownLatch together = new CountDownLatch(0);

    FixedJsonServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Answers {@code status} with {@code body} to a GET of {@code path} (any query). */
    FixedJsonServer answer(String path, int status, String body) {
        answers.put(path, new Answer(status, body));
        return this;
    }

    /** Answers 301 to a GET of {@code path}, pointing at {@code location}. */
    FixedJsonServer redirect(String path, String location) {
        answers.put(path, new Answer(301, "", location));
        return this;
    }

    /** Never answers a GET of {@code path} until the server closes. */
    FixedJsonServer hang(String path) {
        answers.put(path, new Answer(0, ""));
        return this;
    }

    /** Holds every answer back until {@code requests} requests are in at once: a client asking one after another gets none. */
    FixedJsonServer answerOnlyWhenInAtOnce(int requests) {
        together = new CountDownLatch(requests);
        return this;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String path = exchange.getRequestURI().getRawPath();
        seen.add(new Seen(path + (rawQuery == null ? "" : "?" + rawQuery), exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer = answers.getOrDefault(path, new Answer(404, "nothing at " + path));
        if (answer.status() == 0) {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        together.countDown();
        try {
            together.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (answer.location() != null) {
            exchange.getResponseHeaders().set("Location", answer.location());
        }
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops the server (a second time does nothing), releasing the requests it hangs. */
    @Override
    public void close() {
        if (closing.getCount() > 0) {
            closing.countDown();
            server.stop(0);
            threads.shutdownNow();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
