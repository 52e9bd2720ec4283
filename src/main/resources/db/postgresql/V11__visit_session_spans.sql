-- Footfall on PostgreSQL, version 11: the PostgreSQL accelerator's first rollups (io.footfall.accelerate.postgres).
-- Views are what Umami counts as views (pageviews, link and pixel hits). visit_view_span: one row per visit with views — its
-- session, first and last view time, view count; session_view_span: one row per session with views — first and last view.
-- /stats without filters then sums the visits and counts the sessions that lie inside the range, and reads events only
-- for the few that cross one of its two ends: measured, the reference's sort of every
-- view by visit and the distinct count of sessions took 2-6 s over 90 days at 1 M events (docs/benchmarks.md,
-- h20-pgaccel). Kept exact in the same transaction as each batch's COPY (SpanRows), recomputed for the visits and
-- sessions a crash re-ship touches, cleared with the website's data.
CREATE TABLE visit_view_span (
    website_id  UUID      NOT NULL,
    visit_id    UUID      NOT NULL,
    session_id  UUID      NOT NULL,
    first_at    TIMESTAMP NOT NULL,  -- UTC, as event.created_at
    last_at     TIMESTAMP NOT NULL,
    views       INTEGER   NOT NULL,
    -- The visit's time as the reference computes it (Dialect.secondsBetween), once per write instead of per read.
    secs        BIGINT    GENERATED ALWAYS AS (floor(extract(epoch FROM last_at - first_at))::bigint) STORED,
    PRIMARY KEY (website_id, visit_id)
);
CREATE TABLE session_view_span (
    website_id  UUID      NOT NULL,
    session_id  UUID      NOT NULL,
    first_at    TIMESTAMP NOT NULL,
    last_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (website_id, session_id)
);
-- The events already stored (first start after this version; SpanRows.rebuildAll does the same after a bulk load).
INSERT INTO visit_view_span (website_id, visit_id, session_id, first_at, last_at, views)
SELECT website_id, visit_id, (array_agg(session_id))[1], min(created_at), max(created_at), count(*)
FROM event WHERE event_type IN (1, 3, 4) GROUP BY website_id, visit_id;
INSERT INTO session_view_span (website_id, session_id, first_at, last_at)
SELECT website_id, session_id, min(created_at), max(created_at)
FROM event WHERE event_type IN (1, 3, 4) GROUP BY website_id, session_id;
-- Built after the fill (faster than row by row).
-- Inside a range: first view at or after its start (then last view at or before its end, filtered).
CREATE INDEX visit_view_span_by_first ON visit_view_span (website_id, first_at) INCLUDE (last_at, views, secs);
CREATE INDEX session_view_span_by_first ON session_view_span (website_id, first_at) INCLUDE (last_at);
-- Crossing one end of a range. A visit: its first view within the website's longest visit before that end (visits
-- are short); a session (sessions of returning visitors last months): its last view after the start. Measured: GiST
-- indexes on tsrange(first_at, last_at) found them as fast but made each batch's upserts ~5x dearer (h20-pgaccel).
CREATE INDEX visit_view_span_by_length ON visit_view_span (website_id, secs);
CREATE INDEX session_view_span_by_last ON session_view_span (website_id, last_at) INCLUDE (first_at);
ANALYZE visit_view_span;
ANALYZE session_view_span;
