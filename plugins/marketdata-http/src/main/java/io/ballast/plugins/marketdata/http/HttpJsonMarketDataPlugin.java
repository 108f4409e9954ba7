package io.ballast.plugins.marketdata.http;

import org.pf4j.Plugin;

/** The PF4J plugin that carries {@link HttpJsonSource}; it holds no state of its own. */
public class HttpJsonMarketDataPlugin extends Plugin {
}
