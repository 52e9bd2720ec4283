-- Footfall schema, version 37: what the retention report needs to count (session, local day) pairs as rows.
-- Each session-hour gets the session's previous hour with activity (prev_active; NULL on its first) and the
-- session's first hour (first_hour). In a zone whose offsets are whole hours an hour lies in one local day, so a
-- row is its session's first of a local day exactly when prev_active is NULL or lies on another local day, and
-- the session's first local day is that of first_hour: "distinct sessions per cohort and day" becomes a count of
-- rows, for any such zone (docs/rollups.md). Filled here for every row; folds keep them (HourSpans.linked).

ALTER TABLE session_hour ADD COLUMN prev_active TIMESTAMP;
ALTER TABLE session_hour ADD COLUMN first_hour TIMESTAMP;

UPDATE session_hour SET prev_active = x.prev_active, first_hour = x.first_hour
FROM (SELECT website_id, session_id, hour,
             lag(hour) OVER (PARTITION BY website_id, session_id ORDER BY hour) AS prev_active,
             min(hour) OVER (PARTITION BY website_id, session_id) AS first_hour
      FROM session_hour) x
WHERE x.website_id = session_hour.website_id AND x.session_id = session_hour.session_id AND x.hour = session_hour.hour;
