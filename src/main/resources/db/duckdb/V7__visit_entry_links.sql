-- Footfall schema, version 7: each visit links to its session's previous visit with the same entry path
-- (and the same exit path). Entry and exit metrics then count, per path, the visits in the range whose
-- previous same-path visit lies before it: one per session and path, without a distinct count.
-- The store keeps the links right for the sessions each fold touches.

ALTER TABLE visit ADD COLUMN prev_entry_at TIMESTAMP;  -- first view of the previous visit with this entry path
ALTER TABLE visit ADD COLUMN prev_exit_at TIMESTAMP;   -- first view of the previous visit with this exit path

UPDATE visit SET prev_entry_at = x.pe, prev_exit_at = x.px FROM (
    SELECT website_id, visit_id,
           lag(first_at) OVER (PARTITION BY website_id, session_id, entry_path ORDER BY first_at, visit_id) AS pe,
           lag(first_at) OVER (PARTITION BY website_id, session_id, exit_path ORDER BY first_at, visit_id) AS px
    FROM visit) x
WHERE visit.website_id = x.website_id AND visit.visit_id = x.visit_id;
