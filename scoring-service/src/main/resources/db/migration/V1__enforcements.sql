-- The enforcement lifecycle and its audit trail. Statuses: PROPOSED, APPLIED, HELD, REJECTED, REVERTED.
CREATE TABLE enforcement (
    id             VARCHAR(64)  PRIMARY KEY,
    account_id     VARCHAR(64)  NOT NULL,
    action         VARCHAR(32)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    reasons        JSONB        NOT NULL DEFAULT '[]',
    model_version  VARCHAR(64),
    decided_by     VARCHAR(128),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX enforcement_account ON enforcement (account_id);
CREATE INDEX enforcement_status ON enforcement (status);

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
