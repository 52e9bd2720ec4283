-- Footfall on PostgreSQL, version 12: session_hour_view, the PostgreSQL accelerator's rows for the pageviews series
-- (io.footfall.accelerate.postgres.SpanSeries). One row per session and UTC hour with views: its view count. A series
-- bucket then sums the views and counts the distinct sessions of the hours that lie whole inside it and inside the
-- range; only the hours cut by the range's ends or by a bucket boundary (zones with half-hour offsets, DST changes
-- inside an hour) read their events. Written in the same transaction as each batch's COPY (SpanRows), recomputed for
-- the hours a crash re-ship touches, cleared with the website's data.
CREATE TABLE session_hour_view (
    website_id  UUID      NOT NULL,
    hour        TIMESTAMP NOT NULL,  -- UTC, date_trunc('hour', event.created_at)
    session_id  UUID      NOT NULL,
    views       INTEGER   NOT NULL,
    PRIMARY KEY (website_id, hour, session_id) INCLUDE (views)
);
-- The events already stored (first start after this version; SpanRows.rebuildAll does the same after a bulk load).
INSERT INTO session_hour_view (website_id, hour, session_id, views)
SELECT website_id, date_trunc('hour', created_at), session_id, count(*)
FROM event WHERE event_type IN (1, 3, 4) GROUP BY 1, 2, 3;
ANALYZE session_hour_view;
