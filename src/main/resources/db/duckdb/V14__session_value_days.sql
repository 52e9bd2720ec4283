-- Footfall schema, version 14: the session-value rollup (V4/V10) counted per UTC day of each row's first
-- view: per (kind, value, day) how many (session, value) rows start that day. Visitors per value over long
-- ranges add whole days from here; rows starting in the partial days at either end, and rows starting
-- before the range with a last view in it, are read from session_value_*. Kept equal to those counts by
-- every fold. Filled at start when empty.

CREATE TABLE session_value_day (
    website_id UUID      NOT NULL,
    kind       TINYINT   NOT NULL,
    value      VARCHAR,
    day        TIMESTAMP NOT NULL,  -- UTC midnight
    rows       BIGINT    NOT NULL
);
