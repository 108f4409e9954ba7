-- PostgreSQL only, like V1_1: with TimescaleDB, portfolio_nav becomes a hypertable (one NAV per
-- portfolio per monitor tick adds up; 30-day chunks keep recent history in memory). Without the
-- extension it stays a plain table and everything works the same. V1_1 already tried to create the
-- extension; this one tries again, for a server where it became available since.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')
       AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS timescaledb;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'timescaledb is available but cannot be created here (%); portfolio_nav stays a plain table', SQLERRM;
        END;
    END IF;

    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        PERFORM create_hypertable('portfolio_nav', 'valued_at',
                                  chunk_time_interval => INTERVAL '30 days',
                                  if_not_exists => TRUE,
                                  migrate_data => TRUE);
    ELSE
        RAISE NOTICE 'timescaledb is not available; portfolio_nav is a plain PostgreSQL table';
    END IF;
END
$$;
