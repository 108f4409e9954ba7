package io.ballast.plugins.marketdata.synthetic;

import org.pf4j.Plugin;

/** The PF4J plugin that carries {@link SyntheticSource}; it holds no state of its own. */
public class SyntheticMarketDataPlugin extends Plugin {
}
