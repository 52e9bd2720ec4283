-- Footfall on PostgreSQL, version 24: what the sessions list needs on the session row (session_activity_span, V16). The
-- list groups a range's events (all but web vitals) per (session, hostname) and its search matches the distinct id,
-- city, browser, OS or device of those events; over 90 days at 1 M events the reference's grouping of every event of
-- the range cost ~280 ms (search ~450 ms). A session whose events all carry the same hostname and these five attributes
-- (NULL counting as a value) is one list row that the search matches wholly or not at all: the row keeps them. A session
-- whose events disagree keeps NULLs and mixed, and the reader reads its events (io.footfall.accelerate.postgres.SessionKeys).
-- The table is built again (its fill writes each row once) with V16's indexes, as V13 did for session_view_span.
DROP TABLE session_activity_span;
CREATE TABLE session_activity_span (
    website_id   UUID      NOT NULL,
    session_id   UUID      NOT NULL,
    first_at     TIMESTAMP NOT NULL,
    last_at      TIMESTAMP NOT NULL,
    hostname     TEXT,
    distinct_id  TEXT,
    city         TEXT,
    browser      TEXT,
    os           TEXT,
    device       TEXT,
    mixed        BOOLEAN   NOT NULL,
    PRIMARY KEY (website_id, session_id)
);
-- count(DISTINCT (...)) treats NULL fields as equal: 1 when every event has the same six values.
INSERT INTO session_activity_span (website_id, session_id, first_at, last_at, hostname, distinct_id, city, browser, os, device, mixed)
SELECT website_id, session_id, min(created_at), max(created_at),
       CASE WHEN count(DISTINCT (hostname, distinct_id, city, browser, os, device)) = 1 THEN min(hostname) END,
       CASE WHEN count(DISTINCT (hostname, distinct_id, city, browser, os, device)) = 1 THEN min(distinct_id) END,
       CASE WHEN count(DISTINCT (hostname, distinct_id, city, browser, os, device)) = 1 THEN min(city) END,
       CASE WHEN count(DISTINCT (hostname, distinct_id, city, browser, os, device)) = 1 THEN min(browser) END,
       CASE WHEN count(DISTINCT (hostname, distinct_id, city, browser, os, device)) = 1 THEN min(os) END,
       CASE WHEN count(DISTINCT (hostname, distinct_id, city, browser, os, device)) = 1 THEN min(device) END,
       count(DISTINCT (hostname, distinct_id, city, browser, os, device)) > 1
FROM event WHERE event_type <> 5 GROUP BY website_id, session_id;
CREATE INDEX session_activity_span_by_first ON session_activity_span (website_id, first_at) INCLUDE (last_at);
CREATE INDEX session_activity_span_by_last ON session_activity_span (website_id, last_at) INCLUDE (first_at);
-- The mixed sessions, few, found without a scan.
CREATE INDEX session_activity_span_mixed ON session_activity_span (website_id, last_at) INCLUDE (first_at) WHERE mixed;
ANALYZE session_activity_span;
