-- Footfall schema, version 3: an exact per-session rollup of activity (every event but web vitals).
-- It turns "distinct sessions" into "count rows" for sessions wholly inside a queried range; the rest
-- (sessions cut by the range, pending, or mixed) are read from the event table, as for the visit rollup.
-- The store folds newly appended events into it now and then (see V6).

CREATE TABLE session_span (
    website_id    UUID      NOT NULL,
    session_id    UUID      NOT NULL,
    first_at      TIMESTAMP NOT NULL,  -- first activity, UTC
    last_at       TIMESTAMP NOT NULL,  -- last activity, UTC
    first_view_at TIMESTAMP,           -- first view (pageview, link, pixel), UTC; NULL without views
    last_view_at  TIMESTAMP,           -- last view
    activity      INTEGER   NOT NULL,  -- rows of every type but web vitals
    views         INTEGER   NOT NULL,  -- pageviews, link and pixel hits
    pageviews     INTEGER   NOT NULL,  -- pageviews only
    events        INTEGER   NOT NULL,  -- custom events
    visits        INTEGER   NOT NULL,  -- distinct visit ids
    last_visit_id UUID      NOT NULL,  -- visit of the last activity: a later batch continuing it adds no visit
    hostname      VARCHAR,
    browser       VARCHAR,
    os            VARCHAR,
    device        VARCHAR,
    screen        VARCHAR,
    language      VARCHAR,
    country       VARCHAR,
    region        VARCHAR,
    city          VARCHAR,
    distinct_id   VARCHAR,
    mixed         BOOLEAN   NOT NULL   -- rows disagree on an attribute above (NULL included), or arrived out of time order
);

INSERT INTO session_span
SELECT website_id, session_id, min(created_at), max(created_at),
       min(created_at) FILTER (WHERE event_type IN (1, 3, 4)), max(created_at) FILTER (WHERE event_type IN (1, 3, 4)), count(*),
       count(*) FILTER (WHERE event_type IN (1, 3, 4)), count(*) FILTER (WHERE event_type = 1), count(*) FILTER (WHERE event_type = 2),
       count(DISTINCT visit_id), arg_max(visit_id, created_at),
       any_value(hostname), any_value(browser), any_value(os), any_value(device), any_value(screen), any_value(language),
       any_value(country), any_value(region), any_value(city), any_value(distinct_id),
       count(DISTINCT concat_ws(chr(1), coalesce(hostname, chr(2)), coalesce(browser, chr(2)), coalesce(os, chr(2)),
           coalesce(device, chr(2)), coalesce(screen, chr(2)), coalesce(language, chr(2)), coalesce(country, chr(2)),
           coalesce(region, chr(2)), coalesce(city, chr(2)), coalesce(distinct_id, chr(2)))) > 1
FROM event
WHERE event_type <> 5
GROUP BY website_id, session_id
ORDER BY min(created_at);
