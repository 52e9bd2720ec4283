-- Footfall schema, version 20: what the weekly heatmap needs to count sessions per local cell from rows.
-- Each session-hour gets the session's first hour in the UTC week-hour one above and one below its own,
-- when that is earlier (a DST change moves a local cell to a neighbouring UTC slot), and hour_slot_gap
-- counts session-hours per (UTC hour, whole weeks since the session's previous hour in the same slot; 0 for
-- none), so a range's first hours per slot are a sum over a few rows per hour. The new columns are filled
-- here; hour_slot_gap at start when empty.

ALTER TABLE session_hour ADD COLUMN first_above TIMESTAMP;
ALTER TABLE session_hour ADD COLUMN first_below TIMESTAMP;

UPDATE session_hour SET first_above = x.above, first_below = x.below
FROM (WITH r AS (SELECT website_id, session_id, hour, date_diff('hour', TIMESTAMP '1970-01-05', hour) % 168 AS slot FROM session_hour),
           f AS (SELECT website_id, session_id, slot, min(hour) AS first FROM r GROUP BY ALL)
      SELECT r.website_id, r.session_id, r.hour,
             CASE WHEN a.first < r.hour THEN a.first END AS above, CASE WHEN b.first < r.hour THEN b.first END AS below
      FROM r LEFT JOIN f a ON a.website_id = r.website_id AND a.session_id = r.session_id AND a.slot = (r.slot + 1) % 168
             LEFT JOIN f b ON b.website_id = r.website_id AND b.session_id = r.session_id AND b.slot = (r.slot + 167) % 168) x
WHERE x.website_id = session_hour.website_id AND x.session_id = session_hour.session_id AND x.hour = session_hour.hour
  AND (x.above IS NOT NULL OR x.below IS NOT NULL);

CREATE TABLE hour_slot_gap (
    website_id UUID      NOT NULL,
    hour       TIMESTAMP NOT NULL,  -- UTC, on the hour
    weeks      INTEGER   NOT NULL,
    rows       BIGINT    NOT NULL
);
