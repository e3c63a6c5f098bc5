-- The outbound actions: every change the host platform must make (hide or restore an edge, block or
-- unblock an account), written in the same transaction as the ledger change it mirrors, so that a
-- crash never loses or invents one (an outbox). seq orders them: rows are inserted under a
-- transaction-level advisory lock, so seq order is commit order, and a reader that has seen seq N
-- has seen everything before it. The relay publishes them to enforcement.actions; the HTTP feed
-- pages through them by seq.
CREATE TABLE platform_action (
    seq               BIGSERIAL    PRIMARY KEY,
    action_id         VARCHAR(32)  NOT NULL UNIQUE,
    enforcement_id    VARCHAR(64)  NOT NULL,
    type              VARCHAR(16)  NOT NULL,
    account_id        VARCHAR(64)  NOT NULL,
    target_account_id VARCHAR(64),
    media_id          VARCHAR(128),
    source_event_id   VARCHAR(128),
    decided_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX platform_action_enforcement ON platform_action (enforcement_id);

-- An action's id: 'act-' and the first 24 hex digits of SHA-256 over "enforcement|type|edge", the
-- edge being the source event id (or the account, for a block). PlatformAction.actionId in
-- event-contract computes the same.
CREATE FUNCTION platform_action_id(enforcement TEXT, type TEXT, edge TEXT) RETURNS TEXT
    LANGUAGE SQL IMMUTABLE STRICT
    AS $$ SELECT 'act-' || substr(encode(sha256(convert_to(enforcement || '|' || type || '|' || edge, 'UTF8')), 'hex'), 1, 24) $$;

-- This outbox's identity. The relay records "epoch:seq" as its progress in Kafka; a database made
-- anew (a test run's clean start, a fresh install) has a new epoch, and its relay starts from seq 0
-- instead of trusting another database's progress.
CREATE TABLE platform_action_epoch (epoch UUID PRIMARY KEY DEFAULT gen_random_uuid());
INSERT INTO platform_action_epoch DEFAULT VALUES;
