-- The claim on a rebalance's execution: which run of the execute job may send its orders, and until
-- when. A run claims it before its first order and renews it before each next one; another run (the
-- job handed to a second worker after its lock ran out) is refused while the claim holds, so no slice
-- is sent twice. A run that died leaves a claim that lapses on its own.
ALTER TABLE rebalance ADD COLUMN execution_claimant VARCHAR(64);
ALTER TABLE rebalance ADD COLUMN execution_claimed_until TIMESTAMP WITH TIME ZONE;
