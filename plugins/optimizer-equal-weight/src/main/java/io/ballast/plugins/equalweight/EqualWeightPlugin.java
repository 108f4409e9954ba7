package io.ballast.plugins.equalweight;

import org.pf4j.Plugin;

/** The PF4J plugin that carries {@link EqualWeightOptimizer}; it holds no state of its own. */
public class EqualWeightPlugin extends Plugin {
}
