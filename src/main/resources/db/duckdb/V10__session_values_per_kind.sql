-- Footfall schema, version 10: the session-value rollup (V4) split into one table per kind, as the
-- visit-value rollup (V9): a query for one kind then reads only that kind's rows, instead of filtering
-- every kind's rows by the kind column. Rows move over unchanged.

CREATE TABLE session_value_path (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    value      VARCHAR,
    first_at   TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at    TIMESTAMP NOT NULL   -- last view with this value
);
INSERT INTO session_value_path SELECT website_id, session_id, value, first_at, last_at FROM session_value WHERE kind = 1 ORDER BY first_at;

CREATE TABLE session_value_referrer (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    value      VARCHAR,
    first_at   TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at    TIMESTAMP NOT NULL   -- last view with this value
);
INSERT INTO session_value_referrer SELECT website_id, session_id, value, first_at, last_at FROM session_value WHERE kind = 2 ORDER BY first_at;

CREATE TABLE session_value_title (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    value      VARCHAR,
    first_at   TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at    TIMESTAMP NOT NULL   -- last view with this value
);
INSERT INTO session_value_title SELECT website_id, session_id, value, first_at, last_at FROM session_value WHERE kind = 3 ORDER BY first_at;

CREATE TABLE session_value_query (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    value      VARCHAR,
    first_at   TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at    TIMESTAMP NOT NULL   -- last view with this value
);
INSERT INTO session_value_query SELECT website_id, session_id, value, first_at, last_at FROM session_value WHERE kind = 4 ORDER BY first_at;

CREATE TABLE session_value_hostname (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    value      VARCHAR,
    first_at   TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at    TIMESTAMP NOT NULL   -- last view with this value
);
INSERT INTO session_value_hostname SELECT website_id, session_id, value, first_at, last_at FROM session_value WHERE kind = 5 ORDER BY first_at;

CREATE TABLE session_value_tag (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    value      VARCHAR,
    first_at   TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at    TIMESTAMP NOT NULL   -- last view with this value
);
INSERT INTO session_value_tag SELECT website_id, session_id, value, first_at, last_at FROM session_value WHERE kind = 6 ORDER BY first_at;

CREATE TABLE session_value_channel (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    value      VARCHAR,
    first_at   TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at    TIMESTAMP NOT NULL   -- last view with this value
);
INSERT INTO session_value_channel SELECT website_id, session_id, value, first_at, last_at FROM session_value WHERE kind = 7 ORDER BY first_at;

DROP TABLE session_value;
