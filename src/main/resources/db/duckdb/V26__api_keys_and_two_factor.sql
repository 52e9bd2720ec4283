-- Footfall schema, version 26: API keys and two-factor login come into use.
-- V1's api_key table was never written to; it is replaced by one that also keeps an encrypted copy of each
-- key (AES-GCM under a key derived from APP_SECRET), so that an administrator can later read a key back,
-- and the last four characters for display. Requests are authenticated by key_hash (SHA-256, hex) alone.

DROP TABLE api_key;

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

-- One row per user that started setting up TOTP; enabled once a code confirmed it. The secret is kept
-- AES-GCM-encrypted; last_used_step is the RFC 6238 time step of the last accepted code (replay guard).
CREATE TABLE two_factor (
    user_id          UUID       PRIMARY KEY,
    secret_encrypted TEXT       NOT NULL,
    enabled          BOOLEAN    NOT NULL,
    last_used_step   BIGINT,
    created_at       TIMESTAMP  NOT NULL,
    enabled_at       TIMESTAMP
);

-- Single-use recovery codes, bcrypt-hashed, issued when two-factor login is enabled.
CREATE TABLE two_factor_backup_code (
    code_id    UUID        PRIMARY KEY,
    user_id    UUID        NOT NULL,
    code_hash  TEXT        NOT NULL,
    used_at    TIMESTAMP
);

CREATE INDEX two_factor_backup_code_by_user ON two_factor_backup_code (user_id);
