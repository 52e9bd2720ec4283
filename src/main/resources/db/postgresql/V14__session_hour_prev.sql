-- Footfall on PostgreSQL, version 14: session_hour_view.prev_hour, the session's previous UTC hour with views (NULL for its
-- first). A series bucket whose hours all lie whole inside the range then counts its sessions without a distinct count:
-- a row is its session's first in the bucket when its previous hour lies in another bucket or before the range
-- (io.footfall.accelerate.postgres.SpanSeries). Measured, the distinct count over ~260 k session-hours took most of the
-- day series' ~150 ms over 90 days at 1 M events (docs/benchmarks.md, h23-pgseries). Kept by SpanRows with the rows.
ALTER TABLE session_hour_view ADD COLUMN prev_hour TIMESTAMP;
UPDATE session_hour_view r SET prev_hour = x.prev
FROM (SELECT website_id, hour, session_id, lag(hour) OVER (PARTITION BY website_id, session_id ORDER BY hour) AS prev
      FROM session_hour_view) x
WHERE r.website_id = x.website_id AND r.hour = x.hour AND r.session_id = x.session_id AND x.prev IS NOT NULL;
ANALYZE session_hour_view;
