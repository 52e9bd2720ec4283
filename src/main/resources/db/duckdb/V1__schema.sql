-- Footfall schema, version 1: the wide event table, typed side tables, and metadata.
-- Events are append-only; session attributes are copied onto every row so filters need no joins.

CREATE TABLE event (
    event_id        UUID        NOT NULL,
    website_id      UUID        NOT NULL,
    session_id      UUID        NOT NULL,
    visit_id        UUID        NOT NULL,
    created_at      TIMESTAMP   NOT NULL,  -- UTC
    event_type      SMALLINT    NOT NULL,  -- 1 pageview, 2 custom event, 3 link, 4 pixel, 5 performance
    event_name      VARCHAR,
    hostname        VARCHAR,
    url_path        VARCHAR,
    url_query       VARCHAR,
    page_title      VARCHAR,
    tag             VARCHAR,
    referrer_domain VARCHAR,
    referrer_path   VARCHAR,
    referrer_query  VARCHAR,
    utm_source      VARCHAR,
    utm_medium      VARCHAR,
    utm_campaign    VARCHAR,
    utm_content     VARCHAR,
    utm_term        VARCHAR,
    gclid           VARCHAR,
    fbclid          VARCHAR,
    msclkid         VARCHAR,
    ttclid          VARCHAR,
    li_fat_id       VARCHAR,
    twclid          VARCHAR,
    browser         VARCHAR,
    os              VARCHAR,
    device          VARCHAR,
    screen          VARCHAR,
    language        VARCHAR,
    country         VARCHAR,
    region          VARCHAR,
    city            VARCHAR,
    distinct_id     VARCHAR,
    lcp             DOUBLE,
    inp             DOUBLE,
    cls             DOUBLE,
    fcp             DOUBLE,
    ttfb            DOUBLE
);

CREATE TABLE event_data (
    website_id    UUID          NOT NULL,
    event_id      UUID          NOT NULL,
    data_key      VARCHAR       NOT NULL,
    string_value  VARCHAR,
    number_value  DECIMAL(19,4),
    date_value    TIMESTAMP,
    data_type     SMALLINT      NOT NULL,  -- 1 string, 2 number, 3 boolean, 4 date, 5 array
    created_at    TIMESTAMP     NOT NULL
);

CREATE TABLE session_data (
    website_id    UUID          NOT NULL,
    session_id    UUID          NOT NULL,
    data_key      VARCHAR       NOT NULL,
    string_value  VARCHAR,
    number_value  DECIMAL(19,4),
    date_value    TIMESTAMP,
    data_type     SMALLINT      NOT NULL,
    distinct_id   VARCHAR,
    created_at    TIMESTAMP     NOT NULL
);

CREATE TABLE users (
    user_id       UUID          PRIMARY KEY,
    username      VARCHAR       NOT NULL UNIQUE,
    password      VARCHAR       NOT NULL,
    role          VARCHAR       NOT NULL,  -- admin, user, view-only
    display_name  VARCHAR,
    logo_url      VARCHAR,
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP,
    deleted_at    TIMESTAMP
);

CREATE TABLE team (
    team_id       UUID          PRIMARY KEY,
    name          VARCHAR       NOT NULL,
    access_code   VARCHAR       UNIQUE,
    logo_url      VARCHAR,
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP,
    deleted_at    TIMESTAMP
);

CREATE TABLE team_user (
    team_user_id  UUID          PRIMARY KEY,
    team_id       UUID          NOT NULL,
    user_id       UUID          NOT NULL,
    role          VARCHAR       NOT NULL,  -- team-owner, team-manager, team-member, team-view-only
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP
);

CREATE TABLE website (
    website_id    UUID          PRIMARY KEY,
    name          VARCHAR       NOT NULL,
    domain        VARCHAR,
    share_id      VARCHAR       UNIQUE,
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
    type          VARCHAR       NOT NULL,
    name          VARCHAR       NOT NULL,
    description   VARCHAR,
    parameters    VARCHAR       NOT NULL,  -- JSON text
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP
);

CREATE TABLE segment (
    segment_id    UUID          PRIMARY KEY,
    website_id    UUID          NOT NULL,
    type          VARCHAR       NOT NULL,  -- segment, cohort
    name          VARCHAR       NOT NULL,
    parameters    VARCHAR       NOT NULL,  -- JSON text
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP
);

CREATE TABLE link (
    link_id       UUID          PRIMARY KEY,
    name          VARCHAR       NOT NULL,
    url           VARCHAR       NOT NULL,
    slug          VARCHAR       NOT NULL UNIQUE,
    user_id       UUID,
    team_id       UUID,
    created_by    UUID,
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP,
    deleted_at    TIMESTAMP
);

CREATE TABLE pixel (
    pixel_id      UUID          PRIMARY KEY,
    name          VARCHAR       NOT NULL,
    slug          VARCHAR       NOT NULL UNIQUE,
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
    name          VARCHAR,
    slug          VARCHAR       NOT NULL UNIQUE,
    parameters    VARCHAR,
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP
);

CREATE TABLE api_key (
    api_key_id    UUID          PRIMARY KEY,
    user_id       UUID          NOT NULL,
    name          VARCHAR       NOT NULL,
    key_prefix    VARCHAR       NOT NULL,
    key_hash      VARCHAR       NOT NULL UNIQUE,
    created_at    TIMESTAMP     NOT NULL,
    last_used_at  TIMESTAMP,
    deleted_at    TIMESTAMP
);

-- Per-period random material for session-id salts; never derivable from the date alone.
CREATE TABLE salt (
    period        VARCHAR       PRIMARY KEY,  -- e.g. month:2026-11
    secret        VARCHAR       NOT NULL,
    created_at    TIMESTAMP     NOT NULL
);
