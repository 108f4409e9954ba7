package io.ballast.api.strategy;

import io.ballast.api.plugin.BallastExtension;

/**
 * An investment idea as code: from the prices of a universe and the current portfolio, it says
 * what it believes, as signals per asset, Black-Litterman views, tilts of the target weights, or a
 * call of the market regime, each with its confidence. It never trades; the platform feeds its
 * output to the optimizers and the risk rules.
 *
 * <p>Implementations must be stateless and thread-safe (the platform may call one concurrently,
 * for several portfolios or backtest days) and must not look beyond {@link StrategyContext#asOf()}.
 * The platform times each call out.
 */
public interface Strategy extends BallastExtension {

    /**
     * @throws IllegalArgumentException when the context cannot be evaluated (too short a price
     *         history for the lookback, a parameter out of its range); the message names the problem
     */
    StrategyOutput evaluate(StrategyContext context);
}
