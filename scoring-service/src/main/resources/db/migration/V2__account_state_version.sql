-- Optimistic concurrency for account_state: a writer states the version it read, and a write over a
-- newer one is refused (the scoring batch, or the outcome, is then retried on fresh state).
ALTER TABLE account_state ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
