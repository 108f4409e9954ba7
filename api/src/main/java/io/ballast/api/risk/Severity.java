package io.ballast.api.risk;

/** How urgent a risk decision is. */
public enum Severity { INFO, WARNING, CRITICAL }
