-- Footfall on PostgreSQL, version 26: session_hour_view.first_above and first_below, the session's first UTC hour with views
-- in the hour of the UTC week one above (below) this row's, when it is earlier than this row. A change of offset by one hour
-- inside the weekly heatmap's range moves each local cell to the neighbouring UTC week-hour; a session whose views lie
-- within the stretches on both sides of the change has a cell's first row after the change counted twice by V19's rule
-- exactly when its first hour in the neighbouring slot lies before the change, so io.footfall.accelerate.postgres.WeeklyHours
-- subtracts those rows instead of counting such sessions distinct (~40 % of the heatmap's cost over 90 days holding a
-- change at 1 M events, docs/benchmarks.md h25-pgweekly). Kept by SpanRows with the rows (HourLinks), as DuckDB's V20.
ALTER TABLE session_hour_view ADD COLUMN first_above TIMESTAMP, ADD COLUMN first_below TIMESTAMP;
WITH s AS (SELECT website_id, session_id, hour, mod(floor(extract(epoch FROM hour) / 3600)::bigint, 168) AS slot FROM session_hour_view),
     f AS (SELECT website_id, session_id, slot, min(hour) AS first FROM s GROUP BY 1, 2, 3)
UPDATE session_hour_view r SET first_above = x.above, first_below = x.below
FROM (SELECT s.website_id, s.hour, s.session_id, CASE WHEN a.first < s.hour THEN a.first END AS above,
             CASE WHEN b.first < s.hour THEN b.first END AS below
      FROM s LEFT JOIN f a ON a.website_id = s.website_id AND a.session_id = s.session_id AND a.slot = mod(s.slot + 1, 168)
             LEFT JOIN f b ON b.website_id = s.website_id AND b.session_id = s.session_id AND b.slot = mod(s.slot + 167, 168)) x
WHERE r.website_id = x.website_id AND r.hour = x.hour AND r.session_id = x.session_id AND (x.above IS NOT NULL OR x.below IS NOT NULL);
ANALYZE session_hour_view;
