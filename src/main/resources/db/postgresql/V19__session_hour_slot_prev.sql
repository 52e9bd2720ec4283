-- Footfall on PostgreSQL, version 19: session_hour_view.prev_slot, the session's previous UTC hour with views in the same
-- hour of the UTC week (168 hours apart, or a multiple; NULL for its first there). Between two offset changes of a zone with
-- whole-hour offsets a local (day of week, hour) cell is one UTC hour of the week, so the weekly heatmap counts a row when
-- its prev_slot lies before the stretch of constant offset it belongs to: its session's first row in that cell, without a
-- distinct count (io.footfall.accelerate.postgres.WeeklyHours). Measured, that distinct count over ~260 k (cell, session)
-- pairs was most of the heatmap's ~230 ms over 90 days at 1 M events (docs/benchmarks.md, h25-pgweekly). Kept by SpanRows
-- with the rows (HourLinks).
ALTER TABLE session_hour_view ADD COLUMN prev_slot TIMESTAMP;
UPDATE session_hour_view r SET prev_slot = x.prev
FROM (SELECT website_id, hour, session_id, lag(hour) OVER (PARTITION BY website_id, session_id,
             mod(floor(extract(epoch FROM hour) / 3600)::bigint, 168) ORDER BY hour) AS prev
      FROM session_hour_view) x
WHERE r.website_id = x.website_id AND r.hour = x.hour AND r.session_id = x.session_id AND x.prev IS NOT NULL;
ANALYZE session_hour_view;
