-- Footfall on PostgreSQL, version 13: session_value_span, the PostgreSQL accelerator's rows for metrics?type=<value>
-- (io.footfall.accelerate.postgres.ValueMetrics). One row per website, kind (a small code for a metric type: path,
-- referrer, title, browser, ..., event; ValueKinds lists them), present value (with its country for region and city)
-- and session: the first time of the session's events counted under that value, the hour of the last, and (type=event)
-- their count. A range then counts the rows whose first time or last hour lies inside it, from the index alone, and
-- probes events only for the few rows that may cross it (first time before the start, last hour holding the start or
-- reaching past the end); measured, the reference's distinct count of sessions per value took 0.3-2 s over
-- 90 days at 1 M events (docs/benchmarks.md, h18-pgaccel, h22-pgvalues). Written in the same transaction as each
-- batch's COPY (ValueRows), recomputed for the keys a crash re-ship touches, cleared with the website's data.
CREATE TABLE session_value_span (
    website_id  UUID      NOT NULL,
    kind        SMALLINT  NOT NULL,  -- ValueKinds: codes are stored, never renumbered
    value       TEXT      NOT NULL,
    country     TEXT,                -- region and city only, as the reference groups them; NULL otherwise
    session_id  UUID      NOT NULL,
    first_at    TIMESTAMP NOT NULL,  -- UTC, as event.created_at
    last_hour   TIMESTAMP NOT NULL,  -- date_trunc('hour', the last time): a hit inside it leaves the row alone
    events      INTEGER   NOT NULL   -- type=event: its events; 0 for the kinds that count sessions
);
-- The events already stored (first start after this version; ValueRows.rebuildAll does the same after a bulk load).
-- The statement is ValueRows.fillAll() rendered: the reference's expressions and conditions (MetricType).
INSERT INTO session_value_span (website_id, kind, value, country, session_id, first_at, last_hour, events)
SELECT e.website_id, k.kind, k.x AS value, k.country, e.session_id, min(e.created_at) AS first_at, date_trunc('hour', max(e.created_at)) AS last_hour, (CASE WHEN k.kind = 22 THEN count(*) ELSE 0 END)::int AS events
FROM event e CROSS JOIN LATERAL (VALUES
    (1, e.url_path, NULL, e.event_type IN (1, 3, 4)),
    (2, e.referrer_domain, NULL, e.event_type IN (1, 3, 4) AND e.referrer_domain <> '' AND e.referrer_domain <> e.hostname AND e.referrer_domain <> regexp_replace(e.hostname, '^www\.', '')),
    (3, e.hostname, NULL, e.event_type IN (1, 3, 4)),
    (4, e.page_title, NULL, e.event_type IN (1, 3, 4)),
    (5, nullif(e.url_query, ''), NULL, e.event_type IN (1, 3, 4)),
    (6, e.tag, NULL, e.event_type IN (1, 3, 4)),
    (7, e.utm_source, NULL, e.event_type IN (1, 3, 4)),
    (8, e.utm_medium, NULL, e.event_type IN (1, 3, 4)),
    (9, e.utm_campaign, NULL, e.event_type IN (1, 3, 4)),
    (10, e.utm_content, NULL, e.event_type IN (1, 3, 4)),
    (11, e.utm_term, NULL, e.event_type IN (1, 3, 4)),
    (12, e.channel, NULL, e.event_type IN (1, 3, 4) AND e.channel IS NOT NULL),
    (13, e.browser, NULL, e.event_type IN (1, 3, 4)),
    (14, e.os, NULL, e.event_type IN (1, 3, 4)),
    (15, e.device, NULL, e.event_type IN (1, 3, 4)),
    (16, e.screen, NULL, e.event_type IN (1, 3, 4)),
    (17, lower(left(e.language, 2)), NULL, e.event_type IN (1, 3, 4)),
    (18, e.country, NULL, e.event_type IN (1, 3, 4)),
    (19, e.region, e.country, e.event_type IN (1, 3, 4)),
    (20, e.city, e.country, e.event_type IN (1, 3, 4)),
    (21, e.distinct_id, NULL, e.event_type IN (1, 3, 4)),
    (22, e.event_name, NULL, e.event_type = 2))
    AS k(kind, x, country, counted)
WHERE true AND k.counted AND k.x IS NOT NULL AND k.x <> '' GROUP BY 1, 2, 3, 4, 5;
-- Built after the fill (faster than row by row). The upsert key: country may be NULL (one key with NULLS NOT
-- DISTINCT, which needs PostgreSQL 15; Footfall supports 14).
CREATE UNIQUE INDEX session_value_span_key ON session_value_span (website_id, kind, value, coalesce(country, ''), (country IS NULL), session_id);
-- A range's rows: last hour at or after its first hour (and first time at or before its end, filtered), index-only.
CREATE INDEX session_value_span_by_last ON session_value_span (website_id, kind, last_hour) INCLUDE (first_at, value, country);
ANALYZE session_value_span;
