-- Footfall on PostgreSQL, version 1: the raw event tables and the metadata, equal in meaning to DuckDB's
-- (db/duckdb V1, V8, V17, V23, V25) without DuckDB's rollup tables: reads here go through the reference
-- path over the raw events. Timestamps are UTC wall time (every connection runs SET TIME ZONE 'UTC').

CREATE TABLE event (
    event_id        UUID             NOT NULL,
    website_id      UUID             NOT NULL,
    session_id      UUID             NOT NULL,
    visit_id        UUID             NOT NULL,
    created_at      TIMESTAMP        NOT NULL,  -- UTC
    event_type      SMALLINT         NOT NULL,  -- 1 pageview, 2 custom event, 3 link, 4 pixel, 5 performance
    event_name      TEXT,
    hostname        TEXT,
    url_path        TEXT,
    url_query       TEXT,                       -- '' for a URL without a query, as Umami stores it
    page_title      TEXT,
    tag             TEXT,
    referrer_domain TEXT,
    referrer_path   TEXT,
    referrer_query  TEXT,
    utm_source      TEXT,
    utm_medium      TEXT,
    utm_campaign    TEXT,
    utm_content     TEXT,
    utm_term        TEXT,
    gclid           TEXT,
    fbclid          TEXT,
    msclkid         TEXT,
    ttclid          TEXT,
    li_fat_id       TEXT,
    twclid          TEXT,
    browser         TEXT,
    os              TEXT,
    device          TEXT,
    screen          TEXT,
    language        TEXT,
    country         TEXT,
    region          TEXT,
    city            TEXT,
    distinct_id     TEXT,
    lcp             DOUBLE PRECISION,
    inp             DOUBLE PRECISION,
    cls             DOUBLE PRECISION,
    fcp             DOUBLE PRECISION,
    ttfb            DOUBLE PRECISION
);

CREATE TABLE event_data (
    website_id    UUID           NOT NULL,
    event_id      UUID           NOT NULL,
    data_key      TEXT           NOT NULL,
    string_value  TEXT,
    number_value  NUMERIC(19,4),
    date_value    TIMESTAMP,
    data_type     SMALLINT       NOT NULL,  -- 1 string, 2 number, 3 boolean, 4 date, 5 array
    created_at    TIMESTAMP      NOT NULL,
    event_type    SMALLINT,                 -- the event's, so filters by event name need no join
    event_name    TEXT,
    data_index    SMALLINT                  -- 0 for the event's first data row
);

CREATE TABLE session_data (
    website_id    UUID           NOT NULL,
    session_id    UUID           NOT NULL,
    data_key      TEXT           NOT NULL,
    string_value  TEXT,
    number_value  NUMERIC(19,4),
    date_value    TIMESTAMP,
    data_type     SMALLINT       NOT NULL,
    distinct_id   TEXT,
    created_at    TIMESTAMP      NOT NULL
);

CREATE TABLE users (
    user_id       UUID          PRIMARY KEY,
    username      TEXT          NOT NULL UNIQUE,
    password      TEXT          NOT NULL,
    role          TEXT          NOT NULL,  -- admin, user, view-only
    display_name  TEXT,
    logo_url      TEXT,
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP,
    deleted_at    TIMESTAMP
);

CREATE TABLE team (
    team_id       UUID          PRIMARY KEY,
    name          TEXT          NOT NULL,
    access_code   TEXT          UNIQUE,
    logo_url      TEXT,
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP,
    deleted_at    TIMESTAMP
);

CREATE TABLE team_user (
    team_user_id  UUID          PRIMARY KEY,
    team_id       UUID          NOT NULL,
    user_id       UUID          NOT NULL,
    role          TEXT          NOT NULL,  -- team-owner, team-manager, team-member, team-view-only
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP
);

CREATE TABLE website (
    website_id    UUID          PRIMARY KEY,
    name          TEXT          NOT NULL,
    domain        TEXT,
    share_id      TEXT          UNIQUE,
    reset_at      TIMESTAMP,
    user_id       UUID,
    team_id       UUID,
    created_by    UUID,
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP,
    deleted_at    TIMESTAMP
);

CREATE TABLE report (
    report_id     UUID          PRIMARY KEY,
    user_id       UUID          NOT NULL,
    website_id    UUID          NOT NULL,
    type          TEXT          NOT NULL,
    name          TEXT          NOT NULL,
    description   TEXT,
    parameters    TEXT          NOT NULL,  -- JSON text
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP
);

CREATE TABLE segment (
    segment_id    UUID          PRIMARY KEY,
    website_id    UUID          NOT NULL,
    type          TEXT          NOT NULL,  -- segment, cohort
    name          TEXT          NOT NULL,
    parameters    TEXT          NOT NULL,  -- JSON text
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP
);

CREATE TABLE link (
    link_id       UUID          PRIMARY KEY,
    name          TEXT          NOT NULL,
    url           TEXT          NOT NULL,
    slug          TEXT          NOT NULL UNIQUE,
    user_id       UUID,
    team_id       UUID,
    created_by    UUID,
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP,
    deleted_at    TIMESTAMP
);

CREATE TABLE pixel (
    pixel_id      UUID          PRIMARY KEY,
    name          TEXT          NOT NULL,
    slug          TEXT          NOT NULL UNIQUE,
    user_id       UUID,
    team_id       UUID,
    created_by    UUID,
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP,
    deleted_at    TIMESTAMP
);

CREATE TABLE share (
    share_id      UUID          PRIMARY KEY,
    entity_id     UUID          NOT NULL,
    share_type    SMALLINT      NOT NULL,  -- 1 website
    name          TEXT,
    slug          TEXT          NOT NULL UNIQUE,
    parameters    TEXT,
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP
);

CREATE TABLE api_key (
    api_key_id    UUID          PRIMARY KEY,
    user_id       UUID          NOT NULL,
    name          TEXT          NOT NULL,
    key_prefix    TEXT          NOT NULL,
    key_hash      TEXT          NOT NULL UNIQUE,
    created_at    TIMESTAMP     NOT NULL,
    last_used_at  TIMESTAMP,
    deleted_at    TIMESTAMP
);

-- Per-period random material for session-id salts; never derivable from the date alone.
CREATE TABLE salt (
    period        TEXT          PRIMARY KEY,  -- e.g. month:2026-11
    secret        TEXT          NOT NULL,
    created_at    TIMESTAMP     NOT NULL
);

CREATE INDEX team_user_by_team ON team_user (team_id, user_id);
CREATE INDEX team_user_by_user ON team_user (user_id);
CREATE INDEX share_by_entity ON share (entity_id);
CREATE INDEX website_by_user ON website (user_id);
CREATE INDEX website_by_team ON website (team_id);
CREATE INDEX segment_by_website ON segment (website_id);
CREATE INDEX report_by_website ON report (website_id);
