-- Footfall schema, version 35: each visit's first seven journey items (a custom event's name, else the page's
-- path; pageviews, custom events, link and pixel hits) in the journey report's order, so that the report groups
-- one row per visit instead of numbering every event of the range. Items are small numbers from journey_item
-- (grouping numbers is several times cheaper than grouping texts). A visit's span tells whether the rollup row is
-- the visit's whole answer for a range (it lies inside) or the visit must be read from events (cut, or pending).
-- Filled from stored events at start when empty (Rollups.fillIfNew).

CREATE TABLE journey_item (
    id   INTEGER NOT NULL,  -- 1, 2, ... in order of first fold
    item VARCHAR NOT NULL   -- the item text; a missing path (NULL) has no id
);

CREATE TABLE visit_journey (
    website_id UUID      NOT NULL,
    visit_id   UUID      NOT NULL,
    session_id UUID      NOT NULL,
    first_at   TIMESTAMP NOT NULL,  -- first reportable row (event types 1-4), UTC
    last_at    TIMESTAMP NOT NULL,  -- last one
    -- the first seven rows by (created_at, event_type, event_id): what a fold merges new rows into
    firsts     STRUCT(ts TIMESTAMP, t SMALLINT, id UUID, item INTEGER)[] NOT NULL,
    e1 INTEGER, e2 INTEGER, e3 INTEGER, e4 INTEGER, e5 INTEGER, e6 INTEGER, e7 INTEGER  -- firsts[i].item
);
