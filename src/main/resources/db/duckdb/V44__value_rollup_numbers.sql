-- Footfall schema, version 44: the value rollups (V9/V10, V28, V34) key their rows by small numbers instead of
-- random 16-byte UUIDs, which no compression shrinks and which were about half of each row's bytes. visit_number and
-- session_number give each visit and session a number (1, 2, ... per website, in order of first view; UnitNumbers),
-- and visit_value_<kind> / session_value_<kind> carry it as visit_num / session_num (INTEGER). The old tables are
-- dropped: the first start refills the new ones, their numbers and the day sums from the folded events
-- (Rollups.fillIfNew; the tail follows at the next fold). DuckDB reuses the freed blocks but never shrinks the
-- file: `./footfall compact` returns them (README).

CREATE TABLE visit_number (
    website_id UUID    NOT NULL,
    visit_id   UUID    NOT NULL,
    num        INTEGER NOT NULL  -- 1, 2, ... per website
);

CREATE TABLE session_number (
    website_id UUID    NOT NULL,
    session_id UUID    NOT NULL,
    num        INTEGER NOT NULL  -- 1, 2, ... per website
);

DELETE FROM visit_value_day;
DELETE FROM session_value_day;

DROP TABLE visit_value_path;
CREATE TABLE visit_value_path (
    website_id UUID      NOT NULL,
    visit_num  INTEGER   NOT NULL,  -- visit_number.num
    value      VARCHAR,
    views      INTEGER   NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL
);

DROP TABLE session_value_path;
CREATE TABLE session_value_path (
    website_id  UUID      NOT NULL,
    session_num INTEGER   NOT NULL,  -- session_number.num
    value       VARCHAR,
    first_at    TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at     TIMESTAMP NOT NULL   -- last view with this value
);

DROP TABLE visit_value_referrer;
CREATE TABLE visit_value_referrer (
    website_id UUID      NOT NULL,
    visit_num  INTEGER   NOT NULL,  -- visit_number.num
    value      VARCHAR,
    views      INTEGER   NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL
);

DROP TABLE session_value_referrer;
CREATE TABLE session_value_referrer (
    website_id  UUID      NOT NULL,
    session_num INTEGER   NOT NULL,  -- session_number.num
    value       VARCHAR,
    first_at    TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at     TIMESTAMP NOT NULL   -- last view with this value
);

DROP TABLE visit_value_title;
CREATE TABLE visit_value_title (
    website_id UUID      NOT NULL,
    visit_num  INTEGER   NOT NULL,  -- visit_number.num
    value      VARCHAR,
    views      INTEGER   NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL
);

DROP TABLE session_value_title;
CREATE TABLE session_value_title (
    website_id  UUID      NOT NULL,
    session_num INTEGER   NOT NULL,  -- session_number.num
    value       VARCHAR,
    first_at    TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at     TIMESTAMP NOT NULL   -- last view with this value
);

DROP TABLE visit_value_query;
CREATE TABLE visit_value_query (
    website_id UUID      NOT NULL,
    visit_num  INTEGER   NOT NULL,  -- visit_number.num
    value      VARCHAR,
    views      INTEGER   NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL
);

DROP TABLE session_value_query;
CREATE TABLE session_value_query (
    website_id  UUID      NOT NULL,
    session_num INTEGER   NOT NULL,  -- session_number.num
    value       VARCHAR,
    first_at    TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at     TIMESTAMP NOT NULL   -- last view with this value
);

DROP TABLE visit_value_hostname;
CREATE TABLE visit_value_hostname (
    website_id UUID      NOT NULL,
    visit_num  INTEGER   NOT NULL,  -- visit_number.num
    value      VARCHAR,
    views      INTEGER   NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL
);

DROP TABLE session_value_hostname;
CREATE TABLE session_value_hostname (
    website_id  UUID      NOT NULL,
    session_num INTEGER   NOT NULL,  -- session_number.num
    value       VARCHAR,
    first_at    TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at     TIMESTAMP NOT NULL   -- last view with this value
);

DROP TABLE visit_value_tag;
CREATE TABLE visit_value_tag (
    website_id UUID      NOT NULL,
    visit_num  INTEGER   NOT NULL,  -- visit_number.num
    value      VARCHAR,
    views      INTEGER   NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL
);

DROP TABLE session_value_tag;
CREATE TABLE session_value_tag (
    website_id  UUID      NOT NULL,
    session_num INTEGER   NOT NULL,  -- session_number.num
    value       VARCHAR,
    first_at    TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at     TIMESTAMP NOT NULL   -- last view with this value
);

DROP TABLE visit_value_channel;
CREATE TABLE visit_value_channel (
    website_id UUID      NOT NULL,
    visit_num  INTEGER   NOT NULL,  -- visit_number.num
    value      VARCHAR,
    views      INTEGER   NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL
);

DROP TABLE session_value_channel;
CREATE TABLE session_value_channel (
    website_id  UUID      NOT NULL,
    session_num INTEGER   NOT NULL,  -- session_number.num
    value       VARCHAR,
    first_at    TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at     TIMESTAMP NOT NULL   -- last view with this value
);

DROP TABLE visit_value_utm_source;
CREATE TABLE visit_value_utm_source (
    website_id UUID      NOT NULL,
    visit_num  INTEGER   NOT NULL,  -- visit_number.num
    value      VARCHAR,
    views      INTEGER   NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL
);

DROP TABLE session_value_utm_source;
CREATE TABLE session_value_utm_source (
    website_id  UUID      NOT NULL,
    session_num INTEGER   NOT NULL,  -- session_number.num
    value       VARCHAR,
    first_at    TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at     TIMESTAMP NOT NULL   -- last view with this value
);

DROP TABLE visit_value_utm_medium;
CREATE TABLE visit_value_utm_medium (
    website_id UUID      NOT NULL,
    visit_num  INTEGER   NOT NULL,  -- visit_number.num
    value      VARCHAR,
    views      INTEGER   NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL
);

DROP TABLE session_value_utm_medium;
CREATE TABLE session_value_utm_medium (
    website_id  UUID      NOT NULL,
    session_num INTEGER   NOT NULL,  -- session_number.num
    value       VARCHAR,
    first_at    TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at     TIMESTAMP NOT NULL   -- last view with this value
);

DROP TABLE visit_value_utm_campaign;
CREATE TABLE visit_value_utm_campaign (
    website_id UUID      NOT NULL,
    visit_num  INTEGER   NOT NULL,  -- visit_number.num
    value      VARCHAR,
    views      INTEGER   NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL
);

DROP TABLE session_value_utm_campaign;
CREATE TABLE session_value_utm_campaign (
    website_id  UUID      NOT NULL,
    session_num INTEGER   NOT NULL,  -- session_number.num
    value       VARCHAR,
    first_at    TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at     TIMESTAMP NOT NULL   -- last view with this value
);

DROP TABLE visit_value_utm_content;
CREATE TABLE visit_value_utm_content (
    website_id UUID      NOT NULL,
    visit_num  INTEGER   NOT NULL,  -- visit_number.num
    value      VARCHAR,
    views      INTEGER   NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL
);

DROP TABLE session_value_utm_content;
CREATE TABLE session_value_utm_content (
    website_id  UUID      NOT NULL,
    session_num INTEGER   NOT NULL,  -- session_number.num
    value       VARCHAR,
    first_at    TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at     TIMESTAMP NOT NULL   -- last view with this value
);

DROP TABLE visit_value_utm_term;
CREATE TABLE visit_value_utm_term (
    website_id UUID      NOT NULL,
    visit_num  INTEGER   NOT NULL,  -- visit_number.num
    value      VARCHAR,
    views      INTEGER   NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL
);

DROP TABLE session_value_utm_term;
CREATE TABLE session_value_utm_term (
    website_id  UUID      NOT NULL,
    session_num INTEGER   NOT NULL,  -- session_number.num
    value       VARCHAR,
    first_at    TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at     TIMESTAMP NOT NULL   -- last view with this value
);
