-- Footfall schema, version 11: when each session and each visit had custom events (type 2): the first and
-- last of them. Event totals ("how many sessions and visits had a custom event in the range") become row
-- counts: a row whose first or last custom event lies in the range certainly counts; the rare rows with
-- events before and after the range, and those with events not folded yet, are checked against events.
-- Filled from stored events at start when empty (Rollups.fillIfNew).

CREATE TABLE session_event (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    first_at   TIMESTAMP NOT NULL,  -- first custom event, UTC
    last_at    TIMESTAMP NOT NULL   -- last custom event
);

CREATE TABLE visit_event (
    website_id UUID      NOT NULL,
    visit_id   UUID      NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL
);
