package io.ballast.platform.plugins;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, checking often: never a fixed sleep standing in for an assertion. */
final class Eventually {

    private Eventually() {
    }

    /**
     * @return how long it took
     * @throws AssertionError naming what did not happen, when it did not within {@code deadline}
     */
    static Duration within(Duration deadline, String what, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " did not happen within " + deadline);
            }
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
