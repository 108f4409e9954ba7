package io.ballast.platform.plugins;

/** Where a plugin stands, as the plugin list shows it. */
public enum PluginState {
    /** Loaded and started: its extensions are offered. */
    STARTED,
    /** Loaded but stopped by an operator: its extensions are withdrawn until it is started again. */
    STOPPED,
    /**
     * Not working: refused when it was loaded (its jar stays refused until it changes), or stopped
     * by the platform after repeated failed calls (an operator may start it again). The entry says why.
     */
    FAILED
}
