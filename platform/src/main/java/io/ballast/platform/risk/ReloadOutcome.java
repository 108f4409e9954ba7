package io.ballast.platform.risk;

/** What one attempt to reload the rules folder did. */
public enum ReloadOutcome {
    /** A new version compiled, passed every scenario and is in service. */
    ACTIVATED,
    /** The folder holds the version in service, and its scenarios pass: nothing changed. */
    UNCHANGED,
    /** The folder did not compile or a scenario failed: the version in service goes on deciding. */
    REJECTED
}
