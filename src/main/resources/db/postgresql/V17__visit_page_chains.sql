-- Footfall on PostgreSQL, version 17: what lets the entry and exit metrics without filters (io.footfall.accelerate.postgres.
-- VisitPages) count sessions per page without a distinct over every visit of the range. The reference counts distinct
-- sessions per entry (exit) path; measured, that distinct over a quarter's (session, path) pairs was most of the ~180 ms
-- over 90 days at 1 M events (docs/benchmarks.md, h23-pgentry). A session's visits with one entry (exit) path form a
-- chain ordered by (first_at, visit_id); each visit keeps its neighbour's first_at:
--   entry_prev_at: the previous visit's of the chain of its entry_path (NULL when first, or when entry_path is NULL);
--   exit_next_at:  the next visit's of the chain of its exit_path (NULL when last, or when exit_path is NULL).
-- A visit inside a range is then the one visit counted for its (session, path) when entry_prev_at is before the range
-- (exit_next_at after it). Recomputed for the sessions each batch (or a crash re-ship) touches (SpanRows).
ALTER TABLE visit_view_span ADD COLUMN entry_prev_at TIMESTAMP, ADD COLUMN exit_next_at TIMESTAMP;
-- The visits already stored (first start after this version; SpanRows.rebuildAll computes the same).
UPDATE visit_view_span v SET entry_prev_at = c.entry_prev_at, exit_next_at = c.exit_next_at
FROM (SELECT website_id, visit_id,
             CASE WHEN entry_path IS NOT NULL THEN lag(first_at) OVER (PARTITION BY website_id, session_id, entry_path ORDER BY first_at, visit_id) END AS entry_prev_at,
             CASE WHEN exit_path IS NOT NULL THEN lead(first_at) OVER (PARTITION BY website_id, session_id, exit_path ORDER BY first_at, visit_id) END AS exit_next_at
      FROM visit_view_span) c
WHERE v.website_id = c.website_id AND v.visit_id = c.visit_id AND (c.entry_prev_at IS NOT NULL OR c.exit_next_at IS NOT NULL);
-- A session's visits: the chains' recomputation per batch, and whether a (session, path) pair is already counted.
CREATE INDEX visit_view_span_by_session ON visit_view_span (website_id, session_id);
-- The visits whose first or last instant is a tie (few), read from events: found without a scan of the range.
CREATE INDEX visit_view_span_ties ON visit_view_span (website_id, first_at)
    WHERE (entry_at IS NOT NULL AND entry_path IS NULL) OR (exit_at IS NOT NULL AND exit_path IS NULL);
ANALYZE visit_view_span;
