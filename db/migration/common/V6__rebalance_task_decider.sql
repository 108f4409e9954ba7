-- Who decides an approval task completed on a Camunda cluster. Portable like V1 to V5.

-- The assignee of the last completion of a user task (element_id: ApproveRebalance or
-- EscalatedApproval) that the task's completing listener accepted. The listener runs before the
-- engine completes the task, which may still be interrupted by the approval window's timer, so it
-- stores no decision: it notes who decides here, and the task's end listener, which runs only once
-- the task really completed, stores APPROVED or REJECTED with this decider as the actor. A later
-- accepted completion of the same task replaces the note.
CREATE TABLE rebalance_task_decider (
    rebalance_id UUID                     NOT NULL,
    element_id   VARCHAR(200)             NOT NULL,
    decider      VARCHAR(200)             NOT NULL,
    noted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT rebalance_task_decider_pk PRIMARY KEY (rebalance_id, element_id),
    CONSTRAINT rebalance_task_decider_rebalance_fk FOREIGN KEY (rebalance_id) REFERENCES rebalance (id) ON DELETE CASCADE
);
