package com.example.crossover;

import org.pf4j.Plugin;

/** The plugin as PF4J knows it (the manifest's Plugin-Class). It holds no state; the work is in the extension. */
public class CrossoverPlugin extends Plugin {
}
