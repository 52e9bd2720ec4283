-- Footfall schema, version 4: an exact rollup of which values each session viewed, per dimension (kind):
-- one row per (session, kind, value) with the first and last view carrying that value. Metrics such as
-- "visitors per path" become a count of rows whose first or last view lies in the range; the few rows
-- whose views start before and end after the range, and sessions with pending rows, are read from events.
-- Kinds (io.footfall.store.SessionValueKind): 1 path, 2 referrer domain (not the site itself), 3 title,
-- 4 query, 5 hostname, 6 tag, 7 channel. The store fills it from existing events at its first start.

CREATE TABLE session_value (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    kind       TINYINT   NOT NULL,
    value      VARCHAR,
    first_at   TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at    TIMESTAMP NOT NULL   -- last view with this value
);
