package io.ballast.platform.bench;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Times one operation as a benchmark does: warm-up runs first (so the JIT has compiled it), then
 * timed runs, reporting the median, which one slow run (a GC pause, the other core busy) does not
 * move. JMH would add forking and statistics this command does not need to print one figure per
 * line; the figures are for comparing with other stacks on the same machine, not for assertions.
 */
public final class BenchmarkTimer {

    private final long warmUpMillis;
    private final int minimumRuns;

    /**
     * @param warmUpMillis how long to run the operation untimed before timing it
     * @param minimumRuns  timed runs at least; more while under a second in total
     */
    public BenchmarkTimer(long warmUpMillis, int minimumRuns) {
        this.warmUpMillis = warmUpMillis;
        this.minimumRuns = minimumRuns;
    }

    /** The median wall-clock time of {@code operation}, in milliseconds. */
    public double medianMillis(Supplier<?> operation) {
        long warmUpEnd = System.nanoTime() + warmUpMillis * 1_000_000;
        Object sink;
        do {
            sink = operation.get();
        } while (System.nanoTime() < warmUpEnd);
        double[] millis = new double[Math.max(minimumRuns, 1) * 4];
        int runs = 0;
        long timedStart = System.nanoTime();
        while (runs < millis.length && (runs < minimumRuns || System.nanoTime() - timedStart < 1_000_000_000L)) {
            long start = System.nanoTime();
            sink = operation.get();
            millis[runs++] = (System.nanoTime() - start) / 1e6;
        }
        keep(sink);
        double[] timed = Arrays.copyOf(millis, runs);
        Arrays.sort(timed);
        return runs % 2 == 1 ? timed[runs / 2] : (timed[runs / 2 - 1] + timed[runs / 2]) / 2;
    }

    /** Keeps the JIT from proving a result unused and removing the work that made it. */
    private static volatile int blackhole;

    private static void keep(Object result) {
        blackhole = System.identityHashCode(result);
    }
}
