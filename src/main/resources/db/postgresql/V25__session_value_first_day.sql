-- Footfall on PostgreSQL, version 25: per website, value kind, UTC day and value, how many sessions' first view carrying
-- that value falls on the day (a (session, value) pair of session_value / session_value_extra, V21, counted on the day of
-- its first time). The path metric without filters (io.footfall.accelerate.postgres.FirstDayValueMetrics) sums the whole
-- days of its range here and reads rows only for the pairs first seen in the cut days at its ends or before its start:
-- counting the ~540 k path pairs of 90 days at 1 M events one by one cost ~110 ms (docs/benchmarks.md, h26-pgpath).
-- Kept by SessionValueRows through FirstDayRows for the kinds FirstDayRows.KINDS lists (path only). A row may hold 0
-- after its pairs moved to another day (late hits, re-ship); readers leave out values summing to 0.
CREATE TABLE session_value_first_day (
    website_id  UUID     NOT NULL,
    kind        SMALLINT NOT NULL,  -- io.footfall.accelerate.postgres.ValueKind's code (12 path)
    day         DATE     NOT NULL,  -- UTC day of the pairs' first time
    value       TEXT     NOT NULL,
    sessions    INTEGER  NOT NULL,
    PRIMARY KEY (website_id, kind, day, value)
);
-- The pairs already stored (SpanRows.rebuildAll, through FirstDayRows.FILL, does the same after a bulk load).
INSERT INTO session_value_first_day (website_id, kind, day, value, sessions)
SELECT r.website_id, 12, r.first_at::date, r.value, count(*)
FROM (SELECT v.website_id, v.path AS value, v.path_first AS first_at FROM session_value v WHERE v.path IS NOT NULL
      UNION ALL SELECT x.website_id, x.value, x.first_at FROM session_value_extra x WHERE x.kind = 12) r
GROUP BY 1, 3, 4;
ANALYZE session_value_first_day;
