-- H2 only; PostgreSQL has its own V4_1 (TimescaleDB brings this index with its hypertable).
--
-- The price watermark (MAX(bar_time) and COUNT(*) of price_bar) is read by the risk monitor at each
-- poll, to tell whether new prices arrived. The primary key leads with asset_id, so without an index
-- on bar_time the newest bar time is a scan of the whole table; with it, a probe. (The count is still
-- a scan on PostgreSQL; H2 keeps a table's row count.)
CREATE INDEX price_bar_time_idx ON price_bar (bar_time);
