-- Footfall on PostgreSQL, version 21: per session, the values its views carry for the per-view metrics (path, title,
-- hostname, query, tag, referrer/domain, channel, utm*) with the first and last time of the views carrying each, for those
-- metrics without filters (io.footfall.accelerate.postgres.SessionValueMetrics). The reference counts, per value, the
-- distinct sessions with a view inside the range carrying it: grouping every view took 150-560 ms over 90 days at 1 M events
-- (docs/benchmarks.md, integration 2026-12-05). A session's first value of each kind lives in its one session_value row,
-- so the writer (SessionValueRows) upserts one row per session and batch whatever the kinds; only a session's second,
-- third... value of a kind takes a session_value_extra row. h22-pgvalues' one row per (kind, value, session), upserted per
-- view, cut ingest to 8.3 k events/s (docs/benchmarks.md, h25-pgvalues). Values are as stored: at most 500 characters
-- (the collector cuts URL parts and titles, rejects longer hostnames and tags), so they fit a btree key.
CREATE TABLE session_value (
    website_id       UUID      NOT NULL,
    session_id       UUID      NOT NULL,
    first_at         TIMESTAMP NOT NULL,  -- of the session's views carrying any of these values
    last_at          TIMESTAMP NOT NULL,
    hostname         TEXT,
    hostname_first   TIMESTAMP,
    hostname_last    TIMESTAMP,
    referrer         TEXT,
    referrer_first   TIMESTAMP,
    referrer_last    TIMESTAMP,
    channel          TEXT,
    channel_first    TIMESTAMP,
    channel_last     TIMESTAMP,
    query            TEXT,
    query_first      TIMESTAMP,
    query_last       TIMESTAMP,
    tag              TEXT,
    tag_first        TIMESTAMP,
    tag_last         TIMESTAMP,
    utm_source       TEXT,
    utm_source_first TIMESTAMP,
    utm_source_last  TIMESTAMP,
    utm_medium       TEXT,
    utm_medium_first TIMESTAMP,
    utm_medium_last  TIMESTAMP,
    utm_campaign     TEXT,
    utm_campaign_first TIMESTAMP,
    utm_campaign_last TIMESTAMP,
    utm_content      TEXT,
    utm_content_first TIMESTAMP,
    utm_content_last TIMESTAMP,
    utm_term         TEXT,
    utm_term_first   TIMESTAMP,
    utm_term_last    TIMESTAMP,
    title            TEXT,
    title_first      TIMESTAMP,
    title_last       TIMESTAMP,
    path             TEXT,
    path_first       TIMESTAMP,
    path_last        TIMESTAMP,
    PRIMARY KEY (website_id, session_id)
);
-- The kind codes are io.footfall.accelerate.postgres.ValueKind: 1 hostname, 2 referrer, 3 channel, 4 query, 5 tag,
-- 6-10 utm_source, utm_medium, utm_campaign, utm_content, utm_term, 11 title, 12 path.
CREATE TABLE session_value_extra (
    website_id  UUID      NOT NULL,
    session_id  UUID      NOT NULL,
    kind        SMALLINT  NOT NULL,
    value       TEXT      NOT NULL,
    first_at    TIMESTAMP NOT NULL,
    last_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (website_id, session_id, kind, value)
);
-- The events already stored (first start after this version; SpanRows.rebuildAll, through SessionValueRows.fill, does
-- the same after a bulk load): per session and kind, the value with the earliest first view (then the smallest) in the row.
WITH p AS (SELECT e.website_id, e.session_id, k.kind, k.value, min(e.created_at) AS first_at, max(e.created_at) AS last_at
    FROM event e CROSS JOIN LATERAL (VALUES
        (1::int2, e.hostname),
        (2, CASE WHEN e.referrer_domain <> e.hostname AND e.referrer_domain <> regexp_replace(e.hostname, '^www\.', '') THEN e.referrer_domain END),
        (3, e.channel),
        (4, e.url_query),
        (5, e.tag),
        (6, e.utm_source),
        (7, e.utm_medium),
        (8, e.utm_campaign),
        (9, e.utm_content),
        (10, e.utm_term),
        (11, e.page_title),
        (12, e.url_path)) AS k(kind, value)
    WHERE e.event_type IN (1, 3, 4) AND k.value <> '' GROUP BY 1, 2, 3, 4),
r AS (SELECT p.*, row_number() OVER (PARTITION BY p.website_id, p.session_id, p.kind ORDER BY p.first_at, p.value) = 1 AS slot FROM p),
x AS (INSERT INTO session_value_extra (website_id, session_id, kind, value, first_at, last_at)
    SELECT r.website_id, r.session_id, r.kind, r.value, r.first_at, r.last_at FROM r WHERE NOT r.slot)
INSERT INTO session_value (website_id, session_id, first_at, last_at,
                           hostname, hostname_first, hostname_last,
                           referrer, referrer_first, referrer_last,
                           channel, channel_first, channel_last,
                           query, query_first, query_last,
                           tag, tag_first, tag_last,
                           utm_source, utm_source_first, utm_source_last,
                           utm_medium, utm_medium_first, utm_medium_last,
                           utm_campaign, utm_campaign_first, utm_campaign_last,
                           utm_content, utm_content_first, utm_content_last,
                           utm_term, utm_term_first, utm_term_last,
                           title, title_first, title_last,
                           path, path_first, path_last)
SELECT r.website_id, r.session_id, min(r.first_at), max(r.last_at),
       max(r.value) FILTER (WHERE r.slot AND r.kind = 1), max(r.first_at) FILTER (WHERE r.slot AND r.kind = 1), max(r.last_at) FILTER (WHERE r.slot AND r.kind = 1),
       max(r.value) FILTER (WHERE r.slot AND r.kind = 2), max(r.first_at) FILTER (WHERE r.slot AND r.kind = 2), max(r.last_at) FILTER (WHERE r.slot AND r.kind = 2),
       max(r.value) FILTER (WHERE r.slot AND r.kind = 3), max(r.first_at) FILTER (WHERE r.slot AND r.kind = 3), max(r.last_at) FILTER (WHERE r.slot AND r.kind = 3),
       max(r.value) FILTER (WHERE r.slot AND r.kind = 4), max(r.first_at) FILTER (WHERE r.slot AND r.kind = 4), max(r.last_at) FILTER (WHERE r.slot AND r.kind = 4),
       max(r.value) FILTER (WHERE r.slot AND r.kind = 5), max(r.first_at) FILTER (WHERE r.slot AND r.kind = 5), max(r.last_at) FILTER (WHERE r.slot AND r.kind = 5),
       max(r.value) FILTER (WHERE r.slot AND r.kind = 6), max(r.first_at) FILTER (WHERE r.slot AND r.kind = 6), max(r.last_at) FILTER (WHERE r.slot AND r.kind = 6),
       max(r.value) FILTER (WHERE r.slot AND r.kind = 7), max(r.first_at) FILTER (WHERE r.slot AND r.kind = 7), max(r.last_at) FILTER (WHERE r.slot AND r.kind = 7),
       max(r.value) FILTER (WHERE r.slot AND r.kind = 8), max(r.first_at) FILTER (WHERE r.slot AND r.kind = 8), max(r.last_at) FILTER (WHERE r.slot AND r.kind = 8),
       max(r.value) FILTER (WHERE r.slot AND r.kind = 9), max(r.first_at) FILTER (WHERE r.slot AND r.kind = 9), max(r.last_at) FILTER (WHERE r.slot AND r.kind = 9),
       max(r.value) FILTER (WHERE r.slot AND r.kind = 10), max(r.first_at) FILTER (WHERE r.slot AND r.kind = 10), max(r.last_at) FILTER (WHERE r.slot AND r.kind = 10),
       max(r.value) FILTER (WHERE r.slot AND r.kind = 11), max(r.first_at) FILTER (WHERE r.slot AND r.kind = 11), max(r.last_at) FILTER (WHERE r.slot AND r.kind = 11),
       max(r.value) FILTER (WHERE r.slot AND r.kind = 12), max(r.first_at) FILTER (WHERE r.slot AND r.kind = 12), max(r.last_at) FILTER (WHERE r.slot AND r.kind = 12)
FROM r GROUP BY r.website_id, r.session_id;
CREATE INDEX session_value_by_last ON session_value (website_id, last_at) INCLUDE (first_at);
CREATE INDEX session_value_extra_by_kind ON session_value_extra (website_id, kind, last_at) INCLUDE (first_at, value);
ANALYZE session_value;
ANALYZE session_value_extra;
