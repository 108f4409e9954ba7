package io.ballast.plugins.alerts;

import org.pf4j.Plugin;

/** The PF4J plugin that carries the log, webhook and e-mail alert channels; it holds no state of its own. */
public class AlertsPlugin extends Plugin {
}
