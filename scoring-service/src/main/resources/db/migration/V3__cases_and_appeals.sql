-- Review cases: HELD enforcements that share a cause (one lockstep group, or one protected receiver)
-- are decided together. A case is OPEN while a member is HELD; a later hold for the same cause after
-- it closed opens a new case, so at most one case per cause is open.
CREATE TABLE review_case (
    id          VARCHAR(64)  PRIMARY KEY,
    kind        VARCHAR(24)  NOT NULL,               -- LOCKSTEP_GROUP, PROTECTED_RECEIVER, SINGLE
    cause       VARCHAR(160) NOT NULL,               -- what the members share: "group:<id>", "receiver:<id>", "enforcement:<id>"
    status      VARCHAR(8)   NOT NULL DEFAULT 'OPEN',
    title       TEXT         NOT NULL,
    group_id    VARCHAR(64),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    closed_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX review_case_open_cause ON review_case (cause) WHERE status = 'OPEN';
CREATE INDEX review_case_page ON review_case (status, created_at, id);

ALTER TABLE enforcement ADD COLUMN case_id VARCHAR(64) REFERENCES review_case (id);
CREATE INDEX enforcement_case ON enforcement (case_id) WHERE case_id IS NOT NULL;
-- Paging the enforcement list by (created_at, id).
CREATE INDEX enforcement_page ON enforcement (created_at DESC, id DESC);

-- Appeals: a user asks for an APPLIED enforcement of their own account to be looked at again.
-- One appeal per enforcement, whatever its outcome.
CREATE TABLE appeal (
    id              VARCHAR(64)   PRIMARY KEY,
    enforcement_id  VARCHAR(64)   NOT NULL UNIQUE REFERENCES enforcement (id),
    account_id      VARCHAR(64)   NOT NULL,
    status          VARCHAR(8)    NOT NULL DEFAULT 'OPEN',   -- OPEN, GRANTED, DENIED
    message         TEXT          NOT NULL,
    note            TEXT,                                    -- the moderator's, never shown to the user
    decided_by      VARCHAR(128),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    decided_at      TIMESTAMPTZ
);
CREATE INDEX appeal_account ON appeal (account_id, created_at DESC);
CREATE INDEX appeal_queue ON appeal (status, created_at, id);
