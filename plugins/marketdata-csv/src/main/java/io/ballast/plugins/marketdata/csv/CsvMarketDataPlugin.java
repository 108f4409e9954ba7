package io.ballast.plugins.marketdata.csv;

import org.pf4j.Plugin;

/** The PF4J plugin that carries {@link CsvFolderSource}; it holds no state of its own. */
public class CsvMarketDataPlugin extends Plugin {
}
