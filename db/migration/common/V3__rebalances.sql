-- Rebalances: the proposal as it was made, its status with every change, and the fills booked.
-- Portable like V1 and V2 (PostgreSQL 14+ and H2 2.x in PostgreSQL mode).

-- Fills are facts: a buy filled above its estimate may leave the cash a little below zero, and the
-- store must record that rather than refuse the fill. A new portfolio's cash is still checked by
-- the API before it is stored.
ALTER TABLE portfolio DROP CONSTRAINT portfolio_cash_not_negative;

-- One rebalance of one portfolio. The request (target weights, or the optimizer and its
-- parameters), the proposal (trades, skipped trades, costs, benefit, verdict) and the trigger
-- firing are JSON text: they are read and written whole, never queried by field.
-- idempotency_key: the client's Idempotency-Key; one key per user names one rebalance (NULLs are
-- distinct on both vendors, so rebalances without a key never collide).
-- approval_window, escalation_window: ISO-8601 durations in force when it was proposed, so a
-- restart resumes with the same windows even if the configuration changed since.
-- status_since: when the current status began; a restart counts the time already waited from it.
CREATE TABLE rebalance (
    id                UUID                     NOT NULL,
    portfolio_id      UUID                     NOT NULL,
    status            VARCHAR(40)              NOT NULL,
    proposed_by       VARCHAR(200)             NOT NULL,
    proposed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    idempotency_key   VARCHAR(200),
    request_json      TEXT                     NOT NULL,
    proposal_json     TEXT                     NOT NULL,
    trigger_json      TEXT,
    approval_window   VARCHAR(64)              NOT NULL,
    escalation_window VARCHAR(64)              NOT NULL,
    status_since      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT rebalance_pk PRIMARY KEY (id),
    CONSTRAINT rebalance_portfolio_fk FOREIGN KEY (portfolio_id) REFERENCES portfolio (id) ON DELETE CASCADE,
    CONSTRAINT rebalance_idempotency_key_uq UNIQUE (proposed_by, idempotency_key),
    CONSTRAINT rebalance_status_known CHECK (status IN ('PROPOSED', 'BLOCKED', 'AUTO_APPROVED', 'PENDING_APPROVAL',
        'ESCALATED', 'APPROVED', 'REJECTED', 'AUTO_APPROVED_AFTER_ESCALATION', 'AUTO_REJECTED_AFTER_ESCALATION',
        'EXECUTED', 'FAILED'))
);

-- Serves "the approvals still pending" at start.
CREATE INDEX rebalance_status_idx ON rebalance (status);
-- Serves "the rebalances of a portfolio".
CREATE INDEX rebalance_portfolio_time_idx ON rebalance (portfolio_id, proposed_at);

-- Every status change of a rebalance, in order (seq from 0, the first one from no status to PROPOSED).
CREATE TABLE rebalance_history (
    rebalance_id UUID                     NOT NULL,
    seq          INTEGER                  NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(200)             NOT NULL,
    from_status  VARCHAR(40),
    to_status    VARCHAR(40)              NOT NULL,
    reason       VARCHAR(4000)            NOT NULL,
    CONSTRAINT rebalance_history_pk PRIMARY KEY (rebalance_id, seq),
    CONSTRAINT rebalance_history_rebalance_fk FOREIGN KEY (rebalance_id) REFERENCES rebalance (id) ON DELETE CASCADE
);

-- One executed slice of one trade of a rebalance. The primary key (rebalance, asset, slice) is the
-- execution's idempotence: a slice already booked is never booked again, whoever retries.
-- price and fee are in the currency named, which is the portfolio's base currency.
CREATE TABLE rebalance_fill (
    rebalance_id   UUID                     NOT NULL,
    asset_id       VARCHAR(64)              NOT NULL,
    slice          INTEGER                  NOT NULL,
    side           VARCHAR(4)               NOT NULL,
    quantity       NUMERIC(28, 8)           NOT NULL,
    price          NUMERIC(24, 8)           NOT NULL,
    fee            NUMERIC(24, 8)           NOT NULL,
    currency       CHAR(3)                  NOT NULL,
    venue_order_id VARCHAR(200)             NOT NULL,
    filled_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT rebalance_fill_pk PRIMARY KEY (rebalance_id, asset_id, slice),
    CONSTRAINT rebalance_fill_rebalance_fk FOREIGN KEY (rebalance_id) REFERENCES rebalance (id) ON DELETE CASCADE,
    CONSTRAINT rebalance_fill_asset_fk FOREIGN KEY (asset_id) REFERENCES asset (id),
    CONSTRAINT rebalance_fill_side_known CHECK (side IN ('BUY', 'SELL')),
    CONSTRAINT rebalance_fill_slice_not_negative CHECK (slice >= 0),
    CONSTRAINT rebalance_fill_quantity_positive CHECK (quantity > 0),
    CONSTRAINT rebalance_fill_price_positive CHECK (price > 0),
    CONSTRAINT rebalance_fill_fee_not_negative CHECK (fee >= 0)
);
