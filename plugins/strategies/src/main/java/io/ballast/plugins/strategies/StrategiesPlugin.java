package io.ballast.plugins.strategies;

import org.pf4j.Plugin;

/**
 * The PF4J plugin that carries Ballast's bundled strategies: time-series momentum, cross-sectional
 * momentum, mean reversion and the market-regime classifier. It holds no state of its own.
 */
public class StrategiesPlugin extends Plugin {
}
