-- The core schema: assets, their price bars, portfolios and their positions.
-- Portable: runs unchanged on PostgreSQL 14+ and on H2 2.x in PostgreSQL mode. DDL that only one
-- vendor understands goes into db/migration/<vendor>/ (see V1_1 for PostgreSQL).
--
-- Numbers are NUMERIC with an explicit scale (H2 gives a bare NUMERIC scale 0, which would
-- truncate): prices and cash carry 8 decimals (crypto prices and satoshi-sized amounts),
-- quantities and volumes 8 decimals as well (fractional crypto units).

CREATE TABLE asset (
    id          VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    asset_class VARCHAR(16)  NOT NULL,
    sector      VARCHAR(100) NOT NULL,
    currency    CHAR(3)      NOT NULL,
    CONSTRAINT asset_pk PRIMARY KEY (id),
    CONSTRAINT asset_class_known CHECK (asset_class IN ('EQUITY', 'CRYPTO'))
);

-- One bar per asset and period; bar_time is the start of the period (midnight UTC for daily bars).
-- The primary key (asset_id, bar_time) is also the index behind "latest bar per asset": a B-tree
-- read backwards from the asset's newest entry (ORDER BY bar_time DESC LIMIT 1), so a separate
-- (asset_id, bar_time DESC) index would only duplicate it. It contains the time column, as a
-- TimescaleDB hypertable requires of every unique index.
CREATE TABLE price_bar (
    asset_id VARCHAR(64)              NOT NULL,
    bar_time TIMESTAMP WITH TIME ZONE NOT NULL,
    open     NUMERIC(24, 8)           NOT NULL,
    high     NUMERIC(24, 8)           NOT NULL,
    low      NUMERIC(24, 8)           NOT NULL,
    close    NUMERIC(24, 8)           NOT NULL,
    volume   NUMERIC(28, 8)           NOT NULL,
    CONSTRAINT price_bar_pk PRIMARY KEY (asset_id, bar_time),
    CONSTRAINT price_bar_asset_fk FOREIGN KEY (asset_id) REFERENCES asset (id),
    CONSTRAINT price_bar_prices_positive CHECK (open > 0 AND high > 0 AND low > 0 AND close > 0),
    CONSTRAINT price_bar_range CHECK (high >= low AND high >= open AND high >= close AND low <= open AND low <= close),
    CONSTRAINT price_bar_volume_not_negative CHECK (volume >= 0)
);

CREATE TABLE portfolio (
    id            UUID                     NOT NULL,
    name          VARCHAR(200)             NOT NULL,
    base_currency CHAR(3)                  NOT NULL,
    cash          NUMERIC(24, 8)           NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(200)             NOT NULL,
    CONSTRAINT portfolio_pk PRIMARY KEY (id),
    CONSTRAINT portfolio_cash_not_negative CHECK (cash >= 0)
);

-- At most one position per asset; quantity is negative for a short and never zero.
CREATE TABLE position (
    portfolio_id  UUID           NOT NULL,
    asset_id      VARCHAR(64)    NOT NULL,
    quantity      NUMERIC(28, 8) NOT NULL,
    average_price NUMERIC(24, 8) NOT NULL,
    CONSTRAINT position_pk PRIMARY KEY (portfolio_id, asset_id),
    CONSTRAINT position_portfolio_fk FOREIGN KEY (portfolio_id) REFERENCES portfolio (id) ON DELETE CASCADE,
    CONSTRAINT position_asset_fk FOREIGN KEY (asset_id) REFERENCES asset (id),
    CONSTRAINT position_quantity_not_zero CHECK (quantity <> 0),
    CONSTRAINT position_average_price_positive CHECK (average_price > 0)
);

-- Foreign keys are not indexed by themselves: this one serves "which portfolios hold asset X".
CREATE INDEX position_asset_idx ON position (asset_id);
