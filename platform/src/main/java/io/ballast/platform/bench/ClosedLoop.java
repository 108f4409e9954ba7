package io.ballast.platform.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed loop of clients: each takes the next turn once its last one is done, so at most
 * {@code concurrency} turns are under way at once and a latency is the system's at that load, not the
 * time a backlog waited. The first turn that fails fails the run.
 */
final class ClosedLoop {

    /** One turn: what a client does with turn number {@code index} (0 to count - 1). */
    @FunctionalInterface
    interface Turn {
        void take(int index) throws Exception;
    }

    private ClosedLoop() {
    }

    /** Takes turns 0 to {@code count} - 1 with {@code concurrency} clients; returns when all are done. */
    static void run(int count, int concurrency, Turn turn) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> clients = new ArrayList<>();
        for (int c = 0; c < Math.min(concurrency, count); c++) {
            clients.add(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    turn.take(i);
                }
                return null;
            });
        }
        if (clients.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            for (Future<Void> client : pool.invokeAll(clients)) {
                client.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
