-- Footfall schema, version 40: each visit's attribution touch values at its first instant, so that the attribution
-- report reads one row per converting visit instead of joining the range's events with the converting sessions.
-- `touches` holds one entry per reportable row (event types 1-4) at first_at carrying any touch value (the shown
-- referrer, the paid-ads class of its click ids, the five UTM values; '' when missing), as the report computes them;
-- rows without any are left out, as they add to no list. A fold merges the tail: a late row before first_at replaces
-- the list, one at first_at adds to it. first_at / last_at span the visit's reportable rows, as in visit_journey, so
-- that a reader knows whether the visit lies wholly in its range. Filled from stored events at start when empty
-- (Rollups.fillIfNew).

CREATE TABLE visit_touch (
    website_id UUID      NOT NULL,
    visit_id   UUID      NOT NULL,
    session_id UUID      NOT NULL,
    first_at   TIMESTAMP NOT NULL,  -- first reportable row, UTC
    last_at    TIMESTAMP NOT NULL,  -- last one
    touches    STRUCT(referrer VARCHAR, paid VARCHAR, utm_source VARCHAR, utm_medium VARCHAR, utm_campaign VARCHAR,
                      utm_content VARCHAR, utm_term VARCHAR)[] NOT NULL
);
