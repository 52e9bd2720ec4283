-- Footfall schema, version 12: custom events per (UTC hour, event name). Counts add up, so the events
-- series, the event metric and event totals sum these rows for whole hours and read only the partial
-- hours at either end (and events not folded yet) from the event table. Filled at start when empty.

CREATE TABLE event_hour (
    website_id UUID      NOT NULL,
    hour       TIMESTAMP NOT NULL,  -- UTC, on the hour
    event_name VARCHAR,
    events     INTEGER   NOT NULL
);
