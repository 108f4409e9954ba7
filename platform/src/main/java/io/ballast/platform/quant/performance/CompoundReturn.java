package io.ballast.platform.quant.performance;

import io.ballast.platform.quant.risk.Annualisation;
import io.ballast.platform.quant.risk.ObservedReturns;

/**
 * Compounded return of a periodic return series over its non-missing periods: total
 * {@code prod(1 + r_t) - 1} and annualised (geometric, the compound annual growth rate)
 * {@code (1 + total)^(periodsPerYear / n) - 1}, as empyrical's {@code cum_returns_final} and
 * {@code annual_return}.
 */
public final class CompoundReturn {

    private CompoundReturn() {
    }

    public static double total(double[] returns) {
        double growth = 1;
        for (double r : ObservedReturns.of(returns, "returns", 1).values()) {
            growth *= 1 + r;
        }
        return growth - 1;
    }

    public static double annualised(double[] returns, Annualisation annualisation) {
        return annualisation.compoundGrowthRate(total(returns), ObservedReturns.of(returns, "returns", 1).count());
    }
}
