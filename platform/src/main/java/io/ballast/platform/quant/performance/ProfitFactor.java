package io.ballast.platform.quant.performance;

import io.ballast.platform.quant.risk.ObservedReturns;
import java.util.OptionalDouble;

/**
 * Profit factor: the sum of the positive periodic returns over the magnitude of the sum of the
 * negative ones, {@code sum(r | r > 0) / |sum(r | r < 0)|} (quantstats {@code profit_factor}).
 * Empty when no period lost.
 */
public final class ProfitFactor {

    private ProfitFactor() {
    }

    public static OptionalDouble of(double[] returns) {
        double gains = 0;
        double losses = 0;
        for (double r : ObservedReturns.of(returns, "returns", 1).values()) {
            if (r > 0) {
                gains += r;
            } else if (r < 0) {
                losses -= r;
            }
        }
        return losses == 0 ? OptionalDouble.empty() : OptionalDouble.of(gains / losses);
    }
}
