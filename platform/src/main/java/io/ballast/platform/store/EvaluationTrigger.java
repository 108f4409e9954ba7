package io.ballast.platform.store;

/** What started a stored risk evaluation. */
public enum EvaluationTrigger {
    /** The risk monitor, on new prices. */
    MONITOR,
    /** A caller of {@code POST /api/v1/risk/evaluate}. */
    API,
    /** A workflow's risk-check task. */
    WORKFLOW
}
