-- Footfall schema, version 52: events of every type per (kind, value, UTC day), for the filter pickers' values
-- (path: url_path; referrer: referrer_domain, the site's own hostname already left out per event). Their values over a
-- long range sum these rows for whole days and count only the partial days at either end (and events not folded
-- yet) in the event table. Kept equal to the folded events by every fold and re-ship. Filled at start when empty.

CREATE TABLE event_value_day (
    website_id UUID      NOT NULL,
    kind       TINYINT   NOT NULL,
    value      VARCHAR   NOT NULL,
    day        TIMESTAMP NOT NULL,  -- UTC midnight
    events     BIGINT    NOT NULL
);
