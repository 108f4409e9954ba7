package io.ballast.platform.quant.performance;

import io.ballast.platform.quant.risk.Annualisation;
import io.ballast.platform.quant.risk.Drawdown;
import java.util.OptionalDouble;

/**
 * Calmar ratio (empyrical {@code calmar_ratio}): the geometric annualised return
 * ({@link CompoundReturn#annualised}) over the magnitude of the maximum drawdown
 * ({@link Drawdown#maximum}), over the whole series. Empty when there was no drawdown.
 */
public final class CalmarRatio {

    private CalmarRatio() {
    }

    public static OptionalDouble of(double[] returns, Annualisation annualisation) {
        double maximumDrawdown = Drawdown.maximum(returns);
        if (maximumDrawdown == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(CompoundReturn.annualised(returns, annualisation) / Math.abs(maximumDrawdown));
    }
}
