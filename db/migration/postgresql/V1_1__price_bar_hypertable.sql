-- PostgreSQL only. Versioned V1_1 so vendor migrations sit between the common ones without
-- taking a number the common sequence needs.
--
-- With TimescaleDB, price_bar becomes a hypertable: bars are chunked by bar_time (30-day chunks
-- hold a month of daily bars for a few thousand assets, small enough to stay in memory), which
-- keeps inserts and time-range reads fast as history grows. Without the extension, price_bar stays
-- a plain table and everything works the same, only less scalably.
--
-- The extension is used when it is already installed in this database, or when it is available on
-- the server and this user may create it. Creating it fails when the server was not started with
-- shared_preload_libraries = 'timescaledb' or the user lacks the right; that is caught, so the
-- migration still succeeds on plain PostgreSQL.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')
       AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS timescaledb;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'timescaledb is available but cannot be created here (%); price_bar stays a plain table', SQLERRM;
        END;
    END IF;

    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        -- migrate_data: a database that already holds bars (an upgrade) keeps them.
        PERFORM create_hypertable('price_bar', 'bar_time',
                                  chunk_time_interval => INTERVAL '30 days',
                                  if_not_exists => TRUE,
                                  migrate_data => TRUE);
    ELSE
        RAISE NOTICE 'timescaledb is not available; price_bar is a plain PostgreSQL table';
    END IF;
END
$$;
