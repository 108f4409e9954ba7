package io.ballast.platform.quant.performance;

import io.ballast.platform.quant.risk.ObservedReturns;
import java.util.Arrays;

/**
 * Win rate: the share of non-missing periods with a return above 0, a fraction in [0, 1]. A flat
 * period (return exactly 0) counts as not won; quantstats' {@code win_rate} leaves flat periods
 * out of the count instead.
 */
public final class WinRate {

    private WinRate() {
    }

    public static double of(double[] returns) {
        double[] observed = ObservedReturns.of(returns, "returns", 1).values();
        long wins = Arrays.stream(observed).filter(r -> r > 0).count();
        return (double) wins / observed.length;
    }
}
