package io.ballast.plugins.optimizers;

import org.pf4j.Plugin;

/** The PF4J plugin that carries Ballast's bundled optimizers; it holds no state of its own. */
public class OptimizersPlugin extends Plugin {
}
