-- Footfall schema, version 13: the visit-value rollup (V9) summed per UTC day of each row's first view:
-- per (kind, value, day) its views, rows (visits), rows with one view (bounces) and seconds from first to
-- last view. Expanded metrics over long ranges add whole days from here and read only the partial days at
-- either end from visit_value_*. Kept equal to those sums by every fold. Filled at start when empty.

CREATE TABLE visit_value_day (
    website_id UUID      NOT NULL,
    kind       TINYINT   NOT NULL,
    value      VARCHAR,
    day        TIMESTAMP NOT NULL,  -- UTC midnight
    views      BIGINT    NOT NULL,
    visits     BIGINT    NOT NULL,
    bounces    BIGINT    NOT NULL,
    secs       BIGINT    NOT NULL
);
