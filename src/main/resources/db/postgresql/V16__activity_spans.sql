-- Footfall on PostgreSQL, version 16: the PostgreSQL accelerator's rows for the sessions page totals (/sessions/stats without
-- filters, io.footfall.accelerate.postgres.ActivityStats), over what that page counts: every event but web vitals (custom
-- events included, unlike V11's views). visit_activity_span: one row per visit — its session, first and last event time,
-- event and custom-event count, and its country (the one country of its events; NULL with mixed_country when they have
-- several); session_activity_span: one row per session — first and last event time. Inside a range the rows are summed and
-- counted; visits crossing its ends (and visits of several countries) read their events. Measured, the reference's
-- distinct counts took ~3.6 s over 90 days at 1 M events (docs/benchmarks.md, h18-pgaccel). Written in the same
-- transaction as each batch's COPY (SpanRows, ActivityRows), recomputed for the visits and sessions a crash re-ship
-- touches, cleared with the website's data.
CREATE TABLE visit_activity_span (
    website_id     UUID      NOT NULL,
    visit_id       UUID      NOT NULL,
    session_id     UUID      NOT NULL,
    first_at       TIMESTAMP NOT NULL,  -- UTC, as event.created_at
    last_at        TIMESTAMP NOT NULL,
    events         INTEGER   NOT NULL,
    customs        INTEGER   NOT NULL,
    country        TEXT,
    mixed_country  BOOLEAN   NOT NULL,
    -- Floored seconds from first to last event: the longest bounds how far before an instant a visit crossing it began.
    secs           BIGINT    GENERATED ALWAYS AS (floor(extract(epoch FROM last_at - first_at))::bigint) STORED,
    PRIMARY KEY (website_id, visit_id)
);
CREATE TABLE session_activity_span (
    website_id  UUID      NOT NULL,
    session_id  UUID      NOT NULL,
    first_at    TIMESTAMP NOT NULL,
    last_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (website_id, session_id)
);
-- The events already stored (first start after this version; SpanRows.rebuildAll does the same after a bulk load).
INSERT INTO visit_activity_span (website_id, visit_id, session_id, first_at, last_at, events, customs, country, mixed_country)
SELECT website_id, visit_id, (array_agg(session_id))[1], min(created_at), max(created_at), count(*),
       count(*) FILTER (WHERE event_type = 2), CASE WHEN count(DISTINCT country) = 1 THEN min(country) END, count(DISTINCT country) > 1
FROM event WHERE event_type <> 5 GROUP BY website_id, visit_id;
INSERT INTO session_activity_span (website_id, session_id, first_at, last_at)
SELECT website_id, session_id, min(created_at), max(created_at)
FROM event WHERE event_type <> 5 GROUP BY website_id, session_id;
-- Built after the fill (faster than row by row); as V11's for the view spans.
CREATE INDEX visit_activity_span_by_first ON visit_activity_span (website_id, first_at) INCLUDE (last_at, events, customs, session_id);
CREATE INDEX visit_activity_span_by_length ON visit_activity_span (website_id, secs);
CREATE INDEX session_activity_span_by_first ON session_activity_span (website_id, first_at) INCLUDE (last_at);
CREATE INDEX session_activity_span_by_last ON session_activity_span (website_id, last_at) INCLUDE (first_at);
ANALYZE visit_activity_span;
ANALYZE session_activity_span;
