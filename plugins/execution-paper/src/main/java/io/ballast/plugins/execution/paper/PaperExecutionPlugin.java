package io.ballast.plugins.execution.paper;

import org.pf4j.Plugin;

/** The PF4J plugin that carries {@link PaperExecutionVenue}; it holds no state of its own. */
public class PaperExecutionPlugin extends Plugin {
}
