-- Every event the ledger consumer has taken, by its idempotency key. A redelivered event finds
-- its id here and changes nothing.
CREATE TABLE processed_event (
    event_id     VARCHAR(128) PRIMARY KEY,
    account_id   VARCHAR(64)  NOT NULL,
    type         VARCHAR(32)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
