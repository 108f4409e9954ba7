package io.ballast.platform.rebalance.trigger;

import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.risk.Volatility;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fires when the portfolio's realised volatility over the last {@code shortWindow} periods, over
 * its volatility over the last {@code longWindow} periods (the long window includes the short
 * one), is above {@code ratioThreshold}. Both are sample standard deviations of the periodic
 * returns (the quant core's {@link Volatility}); a missing return is left out. When the long
 * window does not vary at all, any movement in the short window is a spike.
 *
 * @param shortWindow    periods, at least 2
 * @param longWindow     periods, more than {@code shortWindow}
 * @param ratioThreshold e.g. 1.5; positive
 */
public record VolatilitySpikeTrigger(int shortWindow, int longWindow, double ratioThreshold) implements Trigger {

    public VolatilitySpikeTrigger {
        if (shortWindow < 2) {
            throw new InvalidInputException("volatilitySpike.shortWindow", "must be at least 2 periods, got " + shortWindow);
        }
        if (longWindow <= shortWindow) {
            throw new InvalidInputException("volatilitySpike.longWindow", "must be longer than the short window (" + shortWindow + "), got " + longWindow);
        }
        if (!(ratioThreshold > 0) || !Double.isFinite(ratioThreshold)) {
            throw new InvalidInputException("volatilitySpike.ratioThreshold", "must be a positive number, got " + ratioThreshold);
        }
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.VOLATILITY_SPIKE;
    }

    @Override
    public Optional<TriggerFiring> evaluate(TriggerInputs inputs) {
        return evaluate(inputs.at(), TriggerInputs.require("portfolioReturns", inputs.portfolioReturns()));
    }

    /** @param portfolioReturns periodic returns, oldest first; at least {@code longWindow} of them */
    public Optional<TriggerFiring> evaluate(Instant at, double[] portfolioReturns) {
        if (portfolioReturns.length < longWindow) {
            throw new InvalidInputException("portfolioReturns", "needs at least " + longWindow + " periods for the long window, got " + portfolioReturns.length);
        }
        int n = portfolioReturns.length;
        double shortVolatility = Volatility.periodic(Arrays.copyOfRange(portfolioReturns, n - shortWindow, n));
        double longVolatility = Volatility.periodic(Arrays.copyOfRange(portfolioReturns, n - longWindow, n));
        if (longVolatility == 0 && shortVolatility == 0) {
            return Optional.empty();
        }
        double ratio = longVolatility == 0 ? Double.MAX_VALUE : shortVolatility / longVolatility;
        if (!(ratio > ratioThreshold)) {
            return Optional.empty();
        }
        return Optional.of(TriggerFiring.system(kind(), at, String.format(Locale.ROOT,
                "volatility over the last %d periods %.6g is %.6g times that over the last %d periods %.6g, above %.6g",
                shortWindow, shortVolatility, ratio, longWindow, longVolatility, ratioThreshold),
                List.of(new TriggerMeasure("short over long volatility", ratio, ratioThreshold))));
    }
}
