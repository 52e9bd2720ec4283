-- Footfall on PostgreSQL, version 29: per website, filter column (kind), UTC day and value, how many events carry that
-- value, for the filter pickers (/values; io.footfall.accelerate.postgres.PickerValues). The reference counts every event
-- of the range per value: ~120-150 ms over 90 days at 1 M events. Whole UTC days are then a few rows per value and day;
-- the partial days at the range's ends are read from events. Only values the reference can list are counted: not NULL,
-- not '', and for the referrer not the page's own host without www. (events without a host are not counted there).
-- The kinds and their expressions are io.footfall.accelerate.postgres.PickerKind's (same codes, same order); the writer
-- (PickerValueRows) adds a batch's counts in the batch's transaction.
CREATE TABLE value_day (
    website_id UUID     NOT NULL,
    kind       SMALLINT NOT NULL,
    day        DATE     NOT NULL,
    value      TEXT     NOT NULL,
    n          BIGINT   NOT NULL,
    PRIMARY KEY (website_id, kind, day, value) INCLUDE (n)
);
INSERT INTO value_day (website_id, kind, day, value, n)
SELECT e.website_id, k.kind, e.created_at::date, k.value, count(*)
FROM event e CROSS JOIN LATERAL (VALUES (1::int2, e.url_path),
    (2::int2, CASE WHEN e.referrer_domain <> regexp_replace(e.hostname, '^www\.', '') THEN e.referrer_domain END),
    (3::int2, e.hostname), (4::int2, e.distinct_id), (5::int2, e.page_title), (6::int2, e.url_query), (7::int2, e.os),
    (8::int2, e.browser), (9::int2, e.device), (10::int2, e.country), (11::int2, e.region), (12::int2, e.city),
    (13::int2, e.language), (14::int2, e.event_name), (15::int2, e.tag), (16::int2, e.utm_source), (17::int2, e.utm_medium),
    (18::int2, e.utm_campaign), (19::int2, e.utm_content), (20::int2, e.utm_term), (21::int2, e.screen)) AS k(kind, value)
WHERE k.value <> ''
GROUP BY 1, 2, 3, 4;
