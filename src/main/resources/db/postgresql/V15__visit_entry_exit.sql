-- Footfall on PostgreSQL, version 15: each visit's entry and exit page on its visit_view_span row, for the entry and exit
-- metrics without filters (io.footfall.accelerate.postgres.VisitPages). The reference takes a visit's first (last) view
-- with a path, ordered by time; measured, that sort of every view by visit took ~4 s over 90 days at 1 M events
-- (docs/benchmarks.md, h18-pgaccel). entry_at / exit_at: the time of the visit's first / last view with a path (NULL when
-- none has one). entry_path / exit_path: that view's path, or NULL when views with different paths share that instant —
-- the reference's order among them is its own, so such a visit is read from its events as the reference reads it.
-- Written with the rest of the row (SpanRows), recomputed for the visits a crash re-ship touches.
ALTER TABLE visit_view_span ADD COLUMN entry_at TIMESTAMP, ADD COLUMN entry_path TEXT,
    ADD COLUMN exit_at TIMESTAMP, ADD COLUMN exit_path TEXT;
-- The visits already stored (first start after this version; SpanRows.rebuildAll computes the same).
UPDATE visit_view_span v SET entry_at = p.entry_at, entry_path = p.entry_path, exit_at = p.exit_at, exit_path = p.exit_path
FROM (SELECT website_id, visit_id,
             min(created_at) FILTER (WHERE url_path IS NOT NULL) AS entry_at,
             CASE WHEN (array_agg(url_path ORDER BY created_at, url_path) FILTER (WHERE url_path IS NOT NULL))[1]
                     = (array_agg(url_path ORDER BY created_at, url_path DESC) FILTER (WHERE url_path IS NOT NULL))[1]
                  THEN (array_agg(url_path ORDER BY created_at, url_path) FILTER (WHERE url_path IS NOT NULL))[1] END AS entry_path,
             max(created_at) FILTER (WHERE url_path IS NOT NULL) AS exit_at,
             CASE WHEN (array_agg(url_path ORDER BY created_at DESC, url_path) FILTER (WHERE url_path IS NOT NULL))[1]
                     = (array_agg(url_path ORDER BY created_at DESC, url_path DESC) FILTER (WHERE url_path IS NOT NULL))[1]
                  THEN (array_agg(url_path ORDER BY created_at DESC, url_path) FILTER (WHERE url_path IS NOT NULL))[1] END AS exit_path
      FROM event WHERE event_type IN (1, 3, 4) GROUP BY website_id, visit_id) p
WHERE v.website_id = p.website_id AND v.visit_id = p.visit_id;
ANALYZE visit_view_span;
