-- In-app messages. A message stores its kind and the parameters of the enforcement transition
-- that caused it (what was removed, through which apps); title and body are rendered from the
-- templates in the reader's language when the inbox is read, never stored.
CREATE TABLE notification (
    id               VARCHAR(36)  PRIMARY KEY,
    account_id       VARCHAR(64)  NOT NULL,
    enforcement_id   VARCHAR(128) NOT NULL,
    transition       VARCHAR(16)  NOT NULL,             -- APPLIED or REVERTED: the outcome's status
    kind             VARCHAR(40)  NOT NULL,             -- INAUTHENTIC_ACTIVITY_WARNING, FINAL_WARNING, ACCOUNT_BLOCKED, ENFORCEMENT_REVERSED
    action           VARCHAR(32)  NOT NULL,             -- the enforcement's action: REMOVE_AND_WARN or BLOCK
    strike           INTEGER      NOT NULL,
    follows_removed  BIGINT       NOT NULL DEFAULT 0,
    likes_removed    BIGINT       NOT NULL DEFAULT 0,
    comments_removed BIGINT       NOT NULL DEFAULT 0,
    apps             TEXT         NOT NULL DEFAULT '[]', -- JSON array of the third-party app ids concerned
    enforced_at      TIMESTAMPTZ  NOT NULL,             -- when the ledger applied (or reverted) the enforcement
    created_at       TIMESTAMPTZ  NOT NULL,
    read_at          TIMESTAMPTZ,
    resolved_at      TIMESTAMPTZ,                       -- the account changed its password and revoked every app named
    rescinded_at     TIMESTAMPTZ,                       -- the enforcement was reverted: the message no longer applies
    suppressed_at    TIMESTAMPTZ,                       -- held back by the per-account cap: recorded, never shown
    -- One message per transition: redelivery, duplicates and restarts insert nothing.
    CONSTRAINT notification_one_per_transition UNIQUE (enforcement_id, transition)
);

-- The inbox: an account's visible messages, newest first.
CREATE INDEX notification_inbox ON notification (account_id, created_at DESC, id DESC) WHERE suppressed_at IS NULL;
-- Resolution looks at an account's open warnings.
CREATE INDEX notification_open ON notification (account_id) WHERE resolved_at IS NULL AND rescinded_at IS NULL;

-- What an account has done to secure itself, by event time: the latest PASSWORD_CHANGED, and the
-- latest APP_REVOKED per app. A warning counts a step only if it happened at or after the
-- warning's enforcement (occurred_at >= notification.enforced_at), whatever order the events
-- and the warning arrive in.
CREATE TABLE remediation_step (
    id          BIGSERIAL    PRIMARY KEY,
    account_id  VARCHAR(64)  NOT NULL,
    step        VARCHAR(20)  NOT NULL,                  -- PASSWORD_CHANGED or APP_REVOKED
    app_id      VARCHAR(128) NOT NULL DEFAULT '',       -- the app revoked; '' for a password change
    occurred_at TIMESTAMPTZ  NOT NULL,
    event_id    VARCHAR(128) NOT NULL,                  -- the event that set occurred_at, for audit
    CONSTRAINT remediation_step_once UNIQUE (account_id, step, app_id)
);
