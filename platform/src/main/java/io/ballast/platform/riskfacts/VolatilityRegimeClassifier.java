package io.ballast.platform.riskfacts;

import io.ballast.api.risk.VolatilityRegime;
import io.ballast.platform.quant.risk.Volatility;
import java.util.Arrays;

/**
 * The volatility regime of a portfolio from its daily returns: the realised volatility (sample
 * standard deviation) of the last {@value #SHORT_WINDOW_RETURNS} returns over that of the last
 * {@value #LONG_WINDOW_RETURNS}. At or above {@value #HIGH_RATIO}: HIGH (recent volatility half as
 * large again as usual, a spike); at or below {@value #LOW_RATIO} (about the reciprocal): LOW;
 * else NORMAL. With fewer than {@value #MIN_LONG_WINDOW_RETURNS} returns the long-run level is not
 * known well enough, and the regime is NORMAL.
 */
final class VolatilityRegimeClassifier {

    /** A trading month. */
    static final int SHORT_WINDOW_RETURNS = 21;
    /** A trading year. */
    static final int LONG_WINDOW_RETURNS = 250;
    /** The same minimum history as the tail-loss estimates. */
    static final int MIN_LONG_WINDOW_RETURNS = 60;
    static final double HIGH_RATIO = 1.5;
    static final double LOW_RATIO = 0.67;

    private VolatilityRegimeClassifier() {
    }

    /** @param dailyReturns the portfolio's daily returns, oldest first, no missing values */
    static VolatilityRegime of(double[] dailyReturns) {
        if (dailyReturns.length < MIN_LONG_WINDOW_RETURNS) {
            return VolatilityRegime.NORMAL;
        }
        double[] longWindow = Arrays.copyOfRange(dailyReturns, Math.max(0, dailyReturns.length - LONG_WINDOW_RETURNS), dailyReturns.length);
        double[] shortWindow = Arrays.copyOfRange(dailyReturns, dailyReturns.length - SHORT_WINDOW_RETURNS, dailyReturns.length);
        double longRun = Volatility.periodic(longWindow);
        if (longRun == 0) {
            return VolatilityRegime.NORMAL;
        }
        double ratio = Volatility.periodic(shortWindow) / longRun;
        if (ratio >= HIGH_RATIO) {
            return VolatilityRegime.HIGH;
        }
        return ratio <= LOW_RATIO ? VolatilityRegime.LOW : VolatilityRegime.NORMAL;
    }
}
