-- Risk evaluations and their decisions, alerts, and the portfolios' NAV history.
-- Portable like V1 (PostgreSQL 14+ and H2 2.x in PostgreSQL mode); V2_1 makes portfolio_nav a
-- TimescaleDB hypertable where the extension is there.

-- One run of the risk rules over one stored portfolio. An inline what-if is not stored.
CREATE TABLE risk_evaluation (
    id            UUID                     NOT NULL,
    portfolio_id  UUID                     NOT NULL,
    evaluated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    rules_version VARCHAR(64)              NOT NULL,
    trigger       VARCHAR(16)              NOT NULL,
    requested_by  VARCHAR(200)             NOT NULL,
    CONSTRAINT risk_evaluation_pk PRIMARY KEY (id),
    CONSTRAINT risk_evaluation_portfolio_fk FOREIGN KEY (portfolio_id) REFERENCES portfolio (id) ON DELETE CASCADE,
    CONSTRAINT risk_evaluation_trigger_known CHECK (trigger IN ('MONITOR', 'API', 'WORKFLOW'))
);

-- Serves "the latest evaluations of a portfolio" (the monitor's previous decisions, the REST listing).
CREATE INDEX risk_evaluation_portfolio_time_idx ON risk_evaluation (portfolio_id, evaluated_at);
-- Serves "the latest evaluations of all portfolios".
CREATE INDEX risk_evaluation_time_idx ON risk_evaluation (evaluated_at);

-- What the rules decided in one evaluation, in the engine's order (seq from 0).
CREATE TABLE risk_decision (
    evaluation_id   UUID          NOT NULL,
    seq             INTEGER       NOT NULL,
    rule            VARCHAR(200)  NOT NULL,
    severity        VARCHAR(16)   NOT NULL,
    action          VARCHAR(32)   NOT NULL,
    reduce_fraction NUMERIC(12, 10),
    subject_kind    VARCHAR(16)   NOT NULL,
    subject_id      VARCHAR(200)  NOT NULL,
    message         VARCHAR(4000) NOT NULL,
    CONSTRAINT risk_decision_pk PRIMARY KEY (evaluation_id, seq),
    CONSTRAINT risk_decision_evaluation_fk FOREIGN KEY (evaluation_id) REFERENCES risk_evaluation (id) ON DELETE CASCADE,
    CONSTRAINT risk_decision_severity_known CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    CONSTRAINT risk_decision_action_known
        CHECK (action IN ('ALLOW', 'REDUCE', 'EXIT', 'HALT_TRADING', 'BLOCK_TRADE', 'NEEDS_APPROVAL')),
    CONSTRAINT risk_decision_reduce_fraction CHECK ((action = 'REDUCE') = (reduce_fraction IS NOT NULL)),
    CONSTRAINT risk_decision_subject_known CHECK (subject_kind IN ('ASSET', 'PORTFOLIO', 'TRADE'))
);

-- Every alert raised, stored before it is delivered. portfolio_id is not a foreign key: an alert
-- outlives what it was about. delivery_status: PENDING until every channel answered, then
-- DELIVERED, or FAILED with delivery_error naming the channels that failed and why.
CREATE TABLE alert (
    id              UUID                     NOT NULL,
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    severity        VARCHAR(16)              NOT NULL,
    title           VARCHAR(500)             NOT NULL,
    message         VARCHAR(4000)            NOT NULL,
    source          VARCHAR(200)             NOT NULL,
    portfolio_id    UUID,
    rules_version   VARCHAR(64),
    delivery_status VARCHAR(16)              NOT NULL,
    delivery_error  VARCHAR(4000),
    CONSTRAINT alert_pk PRIMARY KEY (id),
    CONSTRAINT alert_severity_known CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    CONSTRAINT alert_delivery_status_known CHECK (delivery_status IN ('PENDING', 'DELIVERED', 'FAILED'))
);

CREATE INDEX alert_raised_at_idx ON alert (raised_at);

-- The NAV a portfolio had at a time: its peak NAV is the highest of these. The primary key holds
-- the time column, as a TimescaleDB hypertable requires of every unique index.
CREATE TABLE portfolio_nav (
    portfolio_id UUID                     NOT NULL,
    valued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    nav          NUMERIC(28, 8)           NOT NULL,
    CONSTRAINT portfolio_nav_pk PRIMARY KEY (portfolio_id, valued_at),
    CONSTRAINT portfolio_nav_portfolio_fk FOREIGN KEY (portfolio_id) REFERENCES portfolio (id) ON DELETE CASCADE
);
