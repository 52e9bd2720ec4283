-- Footfall on PostgreSQL, version 27: per visit, the paths and UTM values its views carry, each with the first and last
-- time of the views carrying it and their number, for the expanded metrics of those types
-- (io.footfall.accelerate.postgres.ExpandedValues). The reference groups every view of the range per (value, visit): over
-- 90 days at 1 M events that sort took 1.7 s for paths. A visit's rows inside the range are summed per value as they are
-- (views, the visit, a bounce when one view, the seconds between first and last); the few crossing an end of the range are
-- read again from their events. The visitors come from session_value (V21). Written by VisitValueRows.
CREATE TABLE visit_value (
    website_id UUID      NOT NULL,
    visit_id   UUID      NOT NULL,
    kind       SMALLINT  NOT NULL,  -- ValueKind's code: 6..10 utm_source..utm_term, 12 path
    value      TEXT      NOT NULL,
    session_id UUID      NOT NULL,
    first_at   TIMESTAMP NOT NULL,
    last_at    TIMESTAMP NOT NULL,
    views      INTEGER   NOT NULL,
    PRIMARY KEY (website_id, visit_id, kind, value)
);

INSERT INTO visit_value (website_id, visit_id, kind, value, session_id, first_at, last_at, views)
SELECT e.website_id, e.visit_id, k.kind, k.value, (array_agg(e.session_id))[1], min(e.created_at), max(e.created_at), count(*)
FROM event e CROSS JOIN LATERAL (VALUES (6::int2, e.utm_source), (7::int2, e.utm_medium), (8::int2, e.utm_campaign),
    (9::int2, e.utm_content), (10::int2, e.utm_term), (12::int2, e.url_path)) AS k(kind, value)
WHERE e.event_type IN (1, 3, 4) AND k.value <> ''
GROUP BY 1, 2, 3, 4;

-- The reader's range scan, index-only: the rows whose first view lies in the range, with what it sums.
CREATE INDEX visit_value_by_time ON visit_value (website_id, kind, first_at) INCLUDE (last_at, views, value);
