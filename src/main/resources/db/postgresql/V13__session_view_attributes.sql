-- Footfall on PostgreSQL, version 13: the session attributes on session_view_span (V11), for the metrics of those attributes
-- without filters (browser, os, device, screen, language, country, region, city, distinctId;
-- io.footfall.accelerate.postgres.SessionValues). A session's events almost always carry the same attributes, so they are
-- kept once per session: its views' values, or all NULL with mixed when its views disagree on any of them (NULL counting
-- as a value). A metric then counts the sessions with a view inside the range per value from these rows; mixed sessions,
-- and sessions that begin before the range and end after it, read their events. Measured, the reference's grouping of
-- every view took 1-3.5 s over 90 days at 1 M events (docs/benchmarks.md, h23-pgattrs); an earlier try that kept one row
-- per value and session cut ingest to less than half (h22-pgvalues). Written by the same upsert as the row's first and
-- last view (SessionViewRows), recomputed for the sessions a crash re-ship touches, cleared with the website's data.
-- The table is built again rather than updated in place: one write of each row, no dead half left behind.
DROP TABLE session_view_span;
CREATE TABLE session_view_span (
    website_id   UUID      NOT NULL,
    session_id   UUID      NOT NULL,
    first_at     TIMESTAMP NOT NULL,
    last_at      TIMESTAMP NOT NULL,
    browser      TEXT,
    os           TEXT,
    device       TEXT,
    screen       TEXT,
    language     TEXT,  -- as stored; the metric's lower(left(language, 2)) is applied on reading
    country      TEXT,
    region       TEXT,
    city         TEXT,
    distinct_id  TEXT,
    mixed        BOOLEAN   NOT NULL,
    PRIMARY KEY (website_id, session_id)
);
-- The events already stored (first start after this version; SpanRows.rebuildAll does the same after a bulk load).
-- count(DISTINCT (...)) treats NULL fields as equal: 1 when every view has the same attributes.
INSERT INTO session_view_span (website_id, session_id, first_at, last_at, browser, os, device, screen, language, country,
                               region, city, distinct_id, mixed)
SELECT website_id, session_id, min(created_at), max(created_at),
       CASE WHEN count(DISTINCT (browser, os, device, screen, language, country, region, city, distinct_id)) = 1 THEN min(browser) END,
       CASE WHEN count(DISTINCT (browser, os, device, screen, language, country, region, city, distinct_id)) = 1 THEN min(os) END,
       CASE WHEN count(DISTINCT (browser, os, device, screen, language, country, region, city, distinct_id)) = 1 THEN min(device) END,
       CASE WHEN count(DISTINCT (browser, os, device, screen, language, country, region, city, distinct_id)) = 1 THEN min(screen) END,
       CASE WHEN count(DISTINCT (browser, os, device, screen, language, country, region, city, distinct_id)) = 1 THEN min(language) END,
       CASE WHEN count(DISTINCT (browser, os, device, screen, language, country, region, city, distinct_id)) = 1 THEN min(country) END,
       CASE WHEN count(DISTINCT (browser, os, device, screen, language, country, region, city, distinct_id)) = 1 THEN min(region) END,
       CASE WHEN count(DISTINCT (browser, os, device, screen, language, country, region, city, distinct_id)) = 1 THEN min(city) END,
       CASE WHEN count(DISTINCT (browser, os, device, screen, language, country, region, city, distinct_id)) = 1 THEN min(distinct_id) END,
       count(DISTINCT (browser, os, device, screen, language, country, region, city, distinct_id)) > 1
FROM event WHERE event_type IN (1, 3, 4) GROUP BY website_id, session_id;
-- V11's indexes again.
CREATE INDEX session_view_span_by_first ON session_view_span (website_id, first_at) INCLUDE (last_at);
CREATE INDEX session_view_span_by_last ON session_view_span (website_id, last_at) INCLUDE (first_at);
ANALYZE session_view_span;
