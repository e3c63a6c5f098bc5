-- Risk state per account: what the policy last concluded and where the account is on the strike ladder.
CREATE TABLE account_state (
    account_id          VARCHAR(64)  PRIMARY KEY,
    status              VARCHAR(16)  NOT NULL DEFAULT 'CLEAN',   -- CLEAN, SUSPECT, WARNED, BLOCKED
    strikes             INT          NOT NULL DEFAULT 0,
    enforcement_count   INT          NOT NULL DEFAULT 0,
    risk_score          DOUBLE PRECISION,
    model_version       VARCHAR(64),
    reasons             JSONB        NOT NULL DEFAULT '[]',
    flagged_apps        JSONB        NOT NULL DEFAULT '[]',
    warned_at           TIMESTAMPTZ,                             -- event time of the last applied warning
    repeat_engagement   INT          NOT NULL DEFAULT 0,         -- engagement through a flagged app since warned_at
    password_changed_at TIMESTAMPTZ,
    revoked_apps        JSONB        NOT NULL DEFAULT '[]',
    group_id            VARCHAR(64),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The enforcement lifecycle: PROPOSED, APPLIED, HELD, REJECTED, REVERTED.
CREATE TABLE enforcement (
    id                VARCHAR(64)  PRIMARY KEY,
    account_id        VARCHAR(64)  NOT NULL,
    action            VARCHAR(32)  NOT NULL,     -- REMOVE_AND_WARN, BLOCK
    strike            INT          NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    reasons           JSONB        NOT NULL DEFAULT '[]',
    model_version     VARCHAR(64),
    decided_by        VARCHAR(128),              -- "model", "guard", or the moderator's subject
    scope             JSONB        NOT NULL,
    receivers         JSONB,                     -- the impact per receiving account, from the ledger
    held_reason       TEXT,
    removed_follows   BIGINT       NOT NULL DEFAULT 0,
    removed_likes     BIGINT       NOT NULL DEFAULT 0,
    removed_comments  BIGINT       NOT NULL DEFAULT 0,
    group_id          VARCHAR(64),
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX enforcement_account ON enforcement (account_id, created_at DESC);
CREATE INDEX enforcement_status ON enforcement (status, created_at DESC);
-- At most one enforcement in flight per account, whichever replica proposes it.
CREATE UNIQUE INDEX enforcement_open_per_account ON enforcement (account_id) WHERE status IN ('PROPOSED', 'HELD');

-- Who moved an enforcement, from what to what, and why.
CREATE TABLE enforcement_audit (
    id             BIGSERIAL    PRIMARY KEY,
    enforcement_id VARCHAR(64)  NOT NULL REFERENCES enforcement (id),
    from_status    VARCHAR(16),
    to_status      VARCHAR(16)  NOT NULL,
    actor          VARCHAR(128) NOT NULL,
    note           TEXT,
    at             TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX enforcement_audit_enforcement ON enforcement_audit (enforcement_id);

-- Lockstep groups and their members.
CREATE TABLE lockstep_group (
    id           VARCHAR(64)  PRIMARY KEY,
    member_count INT          NOT NULL DEFAULT 0,
    targets      JSONB        NOT NULL DEFAULT '[]',
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE TABLE lockstep_member (
    account_id   VARCHAR(64)  PRIMARY KEY,
    group_id     VARCHAR(64)  NOT NULL REFERENCES lockstep_group (id),
    joined_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX lockstep_member_group ON lockstep_member (group_id);

-- Shadow mode: a candidate model's score beside the live one, never acted on.
CREATE TABLE shadow_score (
    account_id   VARCHAR(64)  NOT NULL,
    model_id     VARCHAR(64)  NOT NULL,
    probability  DOUBLE PRECISION NOT NULL,
    live_model_id VARCHAR(64) NOT NULL,
    live_probability DOUBLE PRECISION NOT NULL,
    scored_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, model_id)
);
