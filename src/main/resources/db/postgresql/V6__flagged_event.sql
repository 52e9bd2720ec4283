-- Footfall on PostgreSQL, version 6 (DuckDB V33): bots and excluded traffic of /api/v1/collect, stored flagged
-- instead of in event, so every ordinary read ignores them and include_bots=true adds bot_event. Same columns, in
-- the same order, as event, plus why the hit was flagged.

CREATE TABLE flagged_event (
    event_id        UUID             NOT NULL,
    website_id      UUID             NOT NULL,
    session_id      UUID             NOT NULL,
    visit_id        UUID             NOT NULL,
    created_at      TIMESTAMP        NOT NULL,  -- UTC
    event_type      SMALLINT         NOT NULL,
    event_name      TEXT,
    hostname        TEXT,
    url_path        TEXT,
    url_query       TEXT,
    page_title      TEXT,
    tag             TEXT,
    referrer_domain TEXT,
    referrer_path   TEXT,
    referrer_query  TEXT,
    utm_source      TEXT,
    utm_medium      TEXT,
    utm_campaign    TEXT,
    utm_content     TEXT,
    utm_term        TEXT,
    gclid           TEXT,
    fbclid          TEXT,
    msclkid         TEXT,
    ttclid          TEXT,
    li_fat_id       TEXT,
    twclid          TEXT,
    browser         TEXT,
    os              TEXT,
    device          TEXT,
    screen          TEXT,
    language        TEXT,
    country         TEXT,
    region          TEXT,
    city            TEXT,
    distinct_id     TEXT,
    lcp             DOUBLE PRECISION,
    inp             DOUBLE PRECISION,
    cls             DOUBLE PRECISION,
    fcp             DOUBLE PRECISION,
    ttfb            DOUBLE PRECISION,
    flag            TEXT             NOT NULL CHECK (flag IN ('bot', 'excluded'))  -- excluded wins when both apply
);

CREATE INDEX flagged_event_by_website_time ON flagged_event (website_id, created_at);

-- Exactly event's columns, bots only: what include_bots=true adds (SELECT * FROM event UNION ALL SELECT * FROM bot_event).
CREATE VIEW bot_event AS
SELECT event_id, website_id, session_id, visit_id, created_at, event_type, event_name, hostname, url_path, url_query,
       page_title, tag, referrer_domain, referrer_path, referrer_query, utm_source, utm_medium, utm_campaign,
       utm_content, utm_term, gclid, fbclid, msclkid, ttclid, li_fat_id, twclid, browser, os, device, screen,
       language, country, region, city, distinct_id, lcp, inp, cls, fcp, ttfb
FROM flagged_event WHERE flag = 'bot';
