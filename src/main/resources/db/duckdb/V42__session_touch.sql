-- Footfall schema, version 42: each session's attribution touch values at its first instant, so that the attribution
-- report's first-click reads one row per converting session instead of grouping the converting sessions' visits
-- (visit_touch) per session and joining them again for their touch values.
-- `first_at` is the session's first reportable row (event types 1-4), `touches` one entry per reportable row at that
-- instant carrying any touch value, as visit_touch's (the concatenation of the lists of its visits starting there).
-- A fold merges the tail as visit_touch's fold does; a re-ship rebuilds the touched sessions from visit_touch; a website
-- reset deletes its rows. Filled from visit_touch at start when empty (Rollups.fillIfNew).

CREATE TABLE session_touch (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    first_at   TIMESTAMP NOT NULL,  -- first reportable row of the session, UTC
    touches    STRUCT(referrer VARCHAR, paid VARCHAR, utm_source VARCHAR, utm_medium VARCHAR, utm_campaign VARCHAR,
                      utm_content VARCHAR, utm_term VARCHAR)[] NOT NULL
);
