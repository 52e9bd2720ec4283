-- API keys, two-factor login, boards and per-user preferences (DuckDB V26, V27, V30).

DROP TABLE IF EXISTS api_key;

CREATE TABLE api_key (
    api_key_id    UUID          PRIMARY KEY,
    user_id       UUID          NOT NULL,
    name          TEXT          NOT NULL,
    key_prefix    TEXT          NOT NULL,  -- umami_ + first 8 characters, as Umami shows it
    key_last4     TEXT          NOT NULL,
    key_hash      TEXT          NOT NULL UNIQUE,
    key_encrypted TEXT          NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    last_used_at  TIMESTAMP
);

CREATE INDEX api_key_by_user ON api_key (user_id);

CREATE TABLE two_factor (
    user_id          UUID       PRIMARY KEY,
    secret_encrypted TEXT       NOT NULL,
    enabled          BOOLEAN    NOT NULL,
    last_used_step   BIGINT,
    created_at       TIMESTAMP  NOT NULL,
    enabled_at       TIMESTAMP
);

CREATE TABLE two_factor_backup_code (
    code_id    UUID        PRIMARY KEY,
    user_id    UUID        NOT NULL,
    code_hash  TEXT        NOT NULL,
    used_at    TIMESTAMP
);

CREATE INDEX two_factor_backup_code_by_user ON two_factor_backup_code (user_id);

CREATE TABLE board (
    board_id     UUID        PRIMARY KEY,
    type         TEXT        NOT NULL,  -- mixed, website, pixel, link
    name         TEXT        NOT NULL,
    description  TEXT,
    parameters   TEXT        NOT NULL,
    user_id      UUID,
    team_id      UUID,
    created_at   TIMESTAMP   NOT NULL,
    updated_at   TIMESTAMP
);

CREATE INDEX board_by_user ON board (user_id);
CREATE INDEX board_by_team ON board (team_id);

CREATE TABLE user_preference (
    user_id     UUID          PRIMARY KEY,
    language    VARCHAR(35),
    time_zone   VARCHAR(64),
    theme       VARCHAR(10),
    date_range  VARCHAR(16),
    updated_at  TIMESTAMP     NOT NULL
);
