-- Footfall on PostgreSQL, version 11: the PostgreSQL accelerator's first rollup (io.footfall.accelerate.postgres).
-- One row per visit and UTC hour in which it has views (pageviews, link and pixel hits, as Umami counts them): its
-- session, its first and last view time in that hour and how many views. The /stats totals over whole hours then
-- group a few rows per visit instead of sorting every event by visit (docs/benchmarks.md, h20-pgaccel); partial edge
-- hours are read from event. Kept exact in the same transaction as each batch's COPY (VisitHours), rebuilt for the
-- visits a crash re-ship touches, cleared with the website's data.
-- The key leads with the hour, so a range reads its hours from the primary key.
CREATE TABLE visit_hour (
    website_id  UUID      NOT NULL,
    hour        TIMESTAMP NOT NULL,  -- UTC, truncated to the hour
    visit_id    UUID      NOT NULL,
    session_id  UUID      NOT NULL,
    first_at    TIMESTAMP NOT NULL,
    last_at     TIMESTAMP NOT NULL,
    views       INTEGER   NOT NULL,
    PRIMARY KEY (website_id, hour, visit_id)
);
-- The events already stored (first start after this version; VisitHours.rebuildAll does the same after a bulk load).
INSERT INTO visit_hour (website_id, hour, visit_id, session_id, first_at, last_at, views)
SELECT website_id, date_trunc('hour', created_at), visit_id, (array_agg(session_id))[1], min(created_at), max(created_at), count(*)
FROM event WHERE event_type IN (1, 3, 4)
GROUP BY website_id, date_trunc('hour', created_at), visit_id;
