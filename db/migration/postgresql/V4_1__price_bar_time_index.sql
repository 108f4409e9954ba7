-- PostgreSQL only; H2 has its own V4_1. Versioned V4_1 like V1_1, off the common sequence.
--
-- The price watermark (MAX(bar_time) and COUNT(*) of price_bar) is read by the risk monitor at each
-- poll, to tell whether new prices arrived. The primary key leads with asset_id, so without an index
-- on bar_time the newest bar time is a scan of the whole table; with it, a probe. (The count is still
-- a scan on PostgreSQL; H2 keeps a table's row count.) A TimescaleDB hypertable has such an index already
-- (create_hypertable makes one on bar_time), so this adds one only to the plain table.
DO $$
DECLARE
    hypertable BOOLEAN := FALSE;
BEGIN
    -- nested, not one AND: the view does not exist without the extension, and a condition is planned whole
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        hypertable := EXISTS (SELECT 1 FROM timescaledb_information.hypertables WHERE hypertable_name = 'price_bar');
    END IF;
    IF hypertable THEN
        RAISE NOTICE 'price_bar is a hypertable: its bar_time index is TimescaleDB''s';
    ELSE
        CREATE INDEX IF NOT EXISTS price_bar_time_idx ON price_bar (bar_time);
    END IF;
END
$$;
