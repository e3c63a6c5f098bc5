-- The activity ledger: who followed, liked and commented on whom, when, through which app, and
-- whether the engagement is active. An edge is active when it has not ended (UNFOLLOW / UNLIKE)
-- and no enforcement removed it. Removal is a stamp, never a delete, so that a revert is exact.

CREATE TABLE follow_edge (
    id              BIGSERIAL    PRIMARY KEY,
    follower_id     VARCHAR(64)  NOT NULL,
    followee_id     VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    event_id        VARCHAR(128) NOT NULL,
    client_app_id   VARCHAR(128),
    third_party     BOOLEAN      NOT NULL,
    ended_at        TIMESTAMPTZ,
    end_reason      VARCHAR(16),           -- UNFOLLOWED, SUPERSEDED (a refollow existed when a removal was reverted)
    removed_by      VARCHAR(64)            -- the enforcement that removed it, while removed
);
-- At most one active follow per pair.
CREATE UNIQUE INDEX follow_edge_active ON follow_edge (follower_id, followee_id)
    WHERE ended_at IS NULL AND removed_by IS NULL;
CREATE INDEX follow_edge_follower ON follow_edge (follower_id, created_at);
CREATE INDEX follow_edge_removed_by ON follow_edge (removed_by) WHERE removed_by IS NOT NULL;

CREATE TABLE like_edge (
    id              BIGSERIAL    PRIMARY KEY,
    account_id      VARCHAR(64)  NOT NULL,
    media_id        VARCHAR(128) NOT NULL,
    owner_id        VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    event_id        VARCHAR(128) NOT NULL,
    client_app_id   VARCHAR(128),
    third_party     BOOLEAN      NOT NULL,
    ended_at        TIMESTAMPTZ,
    end_reason      VARCHAR(16),
    removed_by      VARCHAR(64)
);
CREATE UNIQUE INDEX like_edge_active ON like_edge (account_id, media_id)
    WHERE ended_at IS NULL AND removed_by IS NULL;
CREATE INDEX like_edge_account ON like_edge (account_id, created_at);
CREATE INDEX like_edge_removed_by ON like_edge (removed_by) WHERE removed_by IS NOT NULL;

CREATE TABLE comment (
    id              BIGSERIAL    PRIMARY KEY,
    account_id      VARCHAR(64)  NOT NULL,
    media_id        VARCHAR(128) NOT NULL,
    owner_id        VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    event_id        VARCHAR(128) NOT NULL UNIQUE,
    client_app_id   VARCHAR(128),
    third_party     BOOLEAN      NOT NULL,
    text            TEXT         NOT NULL,
    removed_by      VARCHAR(64)
);
CREATE INDEX comment_account ON comment (account_id, created_at);
CREATE INDEX comment_removed_by ON comment (removed_by) WHERE removed_by IS NOT NULL;

-- Counts derived from the active edges, kept in the same transaction as every edge change.
CREATE TABLE account_counts (
    account_id         VARCHAR(64) PRIMARY KEY,
    followers          BIGINT NOT NULL DEFAULT 0,
    following          BIGINT NOT NULL DEFAULT 0,
    likes_given        BIGINT NOT NULL DEFAULT 0,
    likes_received     BIGINT NOT NULL DEFAULT 0,
    comments_given     BIGINT NOT NULL DEFAULT 0,
    comments_received  BIGINT NOT NULL DEFAULT 0
);

-- Every enforcement the ledger has been asked about: its scope, and once applied what it removed
-- (the impact per receiving account as it was at that moment). The audit of removals and reverts.
CREATE TABLE enforcement_application (
    enforcement_id     VARCHAR(64)  PRIMARY KEY,
    account_id         VARCHAR(64)  NOT NULL,
    action             VARCHAR(32)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,  -- PROPOSED, APPLIED, REVERTED
    scope              JSONB        NOT NULL,
    impact             JSONB,                  -- receivers, recorded when applied
    follows_removed    BIGINT       NOT NULL DEFAULT 0,
    likes_removed      BIGINT       NOT NULL DEFAULT 0,
    comments_removed   BIGINT       NOT NULL DEFAULT 0,
    proposed_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    applied_at         TIMESTAMPTZ,
    reverted_at        TIMESTAMPTZ
);
CREATE INDEX enforcement_application_account ON enforcement_application (account_id);

-- Look-ups of an account's events (is the account known at all?).
CREATE INDEX processed_event_account ON processed_event (account_id);
