package io.ballast.platform.approval;

/** No pending approval task has the id (HTTP 404): it never was, or it was decided, escalated or decided automatically. */
public final class ApprovalTaskNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ApprovalTaskNotFoundException(String taskId) {
        super("No pending approval task " + taskId + ": it was decided already, escalated, or never existed");
    }
}
