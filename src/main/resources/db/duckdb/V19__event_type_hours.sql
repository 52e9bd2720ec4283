-- Footfall schema, version 19: events of every type per (UTC hour, type). The events list's total over an
-- unfiltered range sums these rows for whole hours and counts only the partial hours at either end (and
-- events not folded yet) in the event table. Filled at start when empty.

CREATE TABLE event_type_hour (
    website_id UUID      NOT NULL,
    hour       TIMESTAMP NOT NULL,  -- UTC, on the hour
    event_type SMALLINT  NOT NULL,
    events     INTEGER   NOT NULL
);
