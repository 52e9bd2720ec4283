-- Footfall schema, version 39: the funnel's rows, one per folded reportable event (types 1-4) and item it carries
-- (its path, its custom event name), with small numbers instead of texts and UUIDs: the funnel report joins its
-- levels on session numbers (numbers hash and compare several times faster than UUIDs, and a level's sessions fit
-- in one bit string: the distinct count of step 1 becomes a bit count). Kept by every fold, re-ship and reset
-- (FunnelRows); filled from stored events at start when empty (Rollups.fillIfNew).

CREATE TABLE funnel_item (
    id    INTEGER NOT NULL,  -- 1, 2, ... in order of first fold
    kind  TINYINT NOT NULL,  -- 1: url_path, 2: event_name
    value VARCHAR NOT NULL
);

CREATE TABLE funnel_session (
    website_id UUID    NOT NULL,
    session_id UUID    NOT NULL,
    num        INTEGER NOT NULL  -- 1, 2, ... per website, in order of first fold
);

CREATE TABLE funnel_row (
    website_id UUID    NOT NULL,
    item       INTEGER NOT NULL,  -- funnel_item.id
    at_us      BIGINT  NOT NULL,  -- the event's created_at in epoch microseconds
    session    INTEGER NOT NULL   -- funnel_session.num of the event's session in its website
);
