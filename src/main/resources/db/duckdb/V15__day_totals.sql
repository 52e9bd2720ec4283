-- Footfall schema, version 15: per UTC day of the first view, sums over the visit rollup (views, visits,
-- one-view visits, seconds from first to last view) and the number of sessions in the session rollup that
-- are not mixed and had views. Unfiltered statistics over long ranges add whole days from here and read the
-- partial days at either end from visit / session_span. Kept equal to those sums by every fold. Filled at
-- start when empty.

CREATE TABLE visit_day (
    website_id UUID      NOT NULL,
    day        TIMESTAMP NOT NULL,  -- UTC midnight of the visits' first view
    views      BIGINT    NOT NULL,
    visits     BIGINT    NOT NULL,
    bounces    BIGINT    NOT NULL,
    secs       BIGINT    NOT NULL
);

CREATE TABLE session_view_day (
    website_id UUID      NOT NULL,
    day        TIMESTAMP NOT NULL,  -- UTC midnight of the sessions' first view
    sessions   BIGINT    NOT NULL
);
