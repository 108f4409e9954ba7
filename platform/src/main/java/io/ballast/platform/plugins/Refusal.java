package io.ballast.platform.plugins;

/** Why a plugin jar was not loaded. */
public enum Refusal {
    /** Not a readable jar (zip) file, or it vanished while being read. */
    UNREADABLE_JAR,
    /** A jar, but its manifest does not declare a plugin (Plugin-Id, Plugin-Version). */
    NOT_A_PLUGIN,
    /** Its Plugin-Requires range is missing, malformed, or does not admit this platform's API version. */
    API_MISMATCH,
    /** Another jar already holds a plugin of the same id. */
    DUPLICATE_PLUGIN_ID,
    /** One of its extensions has an id another plugin's extension of the same point already has (or it offers one twice). */
    DUPLICATE_EXTENSION_ID,
    /** Disabled in the plugins folder's {@code disabled.txt} (or left out of its {@code enabled.txt}). */
    DISABLED,
    /** PF4J could not load it, its classes are broken, it failed or hung starting, or an extension is unusable. */
    LOAD_FAILED;

    /** A conflict with another plugin clears when that plugin goes: such jars are tried again then. */
    boolean clearsWhenAPluginLeaves() {
        return this == DUPLICATE_PLUGIN_ID || this == DUPLICATE_EXTENSION_ID;
    }
}
