-- What an execution trades at, and which reminders went out. Portable like V1 to V4.

-- The price each traded asset's orders carry as their reference price: its latest stored close when the
-- execution first started (not the proposal's, which may be days old by the time someone approves it),
-- fixed before the first order. A JSON object of asset id to price, read and written whole; NULL until
-- the execution starts. A run again after a crash reads these, never the closes, so an order sent again
-- under the same client order id carries the same price.
ALTER TABLE rebalance ADD COLUMN execution_prices_json TEXT;

-- One row per reminder alert sent for a rebalance: to which candidate group, and when. Written before
-- the alert goes out, so a reminder job delivered again finds it and does not alert twice.
CREATE TABLE rebalance_reminder (
    rebalance_id    UUID                     NOT NULL,
    candidate_group VARCHAR(200)             NOT NULL,
    reminded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT rebalance_reminder_pk PRIMARY KEY (rebalance_id, candidate_group),
    CONSTRAINT rebalance_reminder_rebalance_fk FOREIGN KEY (rebalance_id) REFERENCES rebalance (id) ON DELETE CASCADE
);
