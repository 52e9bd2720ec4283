-- Footfall schema, version 21: the weekly heatmap counts a session in a cell by its pageviews only (as Umami:
-- custom events and web-vitals rows place no session). session_hour's slot links (prev_slot, first_above,
-- first_below) now join only rows with views and are NULL on rows without; recomputed here for every row.
-- hour_slot_gap now counts only rows with views: emptied here, refilled at start from session_hour.

UPDATE session_hour SET prev_slot = x.prev_slot, first_above = x.above, first_below = x.below
FROM (WITH r AS (SELECT website_id, session_id, hour, views, date_diff('hour', TIMESTAMP '1970-01-05', hour) % 168 AS slot FROM session_hour),
           f AS (SELECT website_id, session_id, slot, min(hour) AS first FROM r WHERE views > 0 GROUP BY ALL)
      SELECT r.website_id, r.session_id, r.hour,
             CASE WHEN r.views > 0 THEN lag(r.hour) OVER (PARTITION BY r.website_id, r.session_id, r.slot, r.views > 0 ORDER BY r.hour) END AS prev_slot,
             CASE WHEN r.views > 0 AND a.first < r.hour THEN a.first END AS above,
             CASE WHEN r.views > 0 AND b.first < r.hour THEN b.first END AS below
      FROM r LEFT JOIN f a ON a.website_id = r.website_id AND a.session_id = r.session_id AND a.slot = (r.slot + 1) % 168
             LEFT JOIN f b ON b.website_id = r.website_id AND b.session_id = r.session_id AND b.slot = (r.slot + 167) % 168) x
WHERE x.website_id = session_hour.website_id AND x.session_id = session_hour.session_id AND x.hour = session_hour.hour
  AND (x.prev_slot IS DISTINCT FROM session_hour.prev_slot OR x.above IS DISTINCT FROM session_hour.first_above
       OR x.below IS DISTINCT FROM session_hour.first_below);

DELETE FROM hour_slot_gap;
