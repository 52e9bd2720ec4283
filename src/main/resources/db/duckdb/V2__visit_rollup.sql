-- Footfall schema, version 2: an exact per-visit rollup of views (pageviews, link and pixel hits).
-- Each append adds one row per visit of the batch to visit_pending, in the append's transaction; the
-- store folds visit_pending into visit now and then (one MERGE, then empties it). Readers treat a
-- visit with pending rows as not rolled up and read it from the event table.
-- Statistics read it for visits wholly inside the queried range when every filter is a session
-- attribute; everything else (row filters, visits cut by the range, visits whose rows disagree on a
-- session attribute: mixed) is read from the event table.

CREATE TABLE visit (
    website_id  UUID        NOT NULL,
    visit_id    UUID        NOT NULL,
    session_id  UUID        NOT NULL,
    first_at    TIMESTAMP   NOT NULL,  -- first view, UTC
    last_at     TIMESTAMP   NOT NULL,  -- last view, UTC
    views       INTEGER     NOT NULL,
    entry_path  VARCHAR,               -- url_path of the first view
    exit_path   VARCHAR,               -- url_path of the last view
    browser     VARCHAR,
    os          VARCHAR,
    device      VARCHAR,
    screen      VARCHAR,
    language    VARCHAR,
    country     VARCHAR,
    region      VARCHAR,
    city        VARCHAR,
    mixed       BOOLEAN     NOT NULL   -- views disagree on a session attribute above
);

CREATE TABLE visit_pending AS SELECT * FROM visit LIMIT 0;

INSERT INTO visit
SELECT website_id, visit_id, any_value(session_id), min(created_at), max(created_at), count(*),
       arg_min(url_path, created_at), arg_max(url_path, created_at),
       any_value(browser), any_value(os), any_value(device), any_value(screen), any_value(language),
       any_value(country), any_value(region), any_value(city),
       count(DISTINCT concat_ws(chr(1), coalesce(browser, chr(2)), coalesce(os, chr(2)), coalesce(device, chr(2)),
           coalesce(screen, chr(2)), coalesce(language, chr(2)), coalesce(country, chr(2)), coalesce(region, chr(2)),
           coalesce(city, chr(2)))) > 1
FROM event
WHERE event_type IN (1, 3, 4)
GROUP BY website_id, visit_id
ORDER BY min(created_at);
