-- In-app messages. A message stores its kind and parameters; it is rendered per reader's locale.
CREATE TABLE notification (
    id             VARCHAR(64)  PRIMARY KEY,
    account_id     VARCHAR(64)  NOT NULL,
    kind           VARCHAR(40)  NOT NULL,
    params         JSONB        NOT NULL DEFAULT '{}',
    source_key     VARCHAR(200) NOT NULL UNIQUE, -- the transition that caused it: one message per transition
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    read_at        TIMESTAMPTZ,
    resolved_at    TIMESTAMPTZ,
    rescinded_at   TIMESTAMPTZ
);
CREATE INDEX notification_account_created ON notification (account_id, created_at DESC);
