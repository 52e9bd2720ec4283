-- Footfall schema, version 16: the hourly rollup's view rows counted per (UTC hour, hours since the
-- session's previous hour with views, capped past the longest series bucket; the cap also stands for "no
-- previous hour"). A row starts its session in a series bucket when that gap reaches past the bucket's
-- start, so the pageviews series sums these few rows instead of every session-hour. Kept equal to those
-- counts by every fold. Filled at start when empty.

CREATE TABLE hour_gap (
    website_id UUID      NOT NULL,
    hour       TIMESTAMP NOT NULL,  -- UTC, on the hour
    gap        BIGINT    NOT NULL,
    views      BIGINT    NOT NULL,
    rows       BIGINT    NOT NULL
);
