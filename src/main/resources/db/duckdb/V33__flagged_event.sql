-- Footfall schema, version 33: TinyTrail's "bots and excluded traffic are stored flagged". Hits that
-- /api/v1/collect recognises as a bot, or that come from one of the website's excluded IPs, are kept here
-- instead of in event, so every ordinary read (Umami routes, rollups, realtime) ignores them by construction
-- and a TinyTrail report with include_bots=true adds bot_event to event. Same columns, in the same order,
-- as event, plus why the hit was flagged. Rollups never fold this table; ingest_seq stays 0.

CREATE TABLE flagged_event (
    event_id        UUID        NOT NULL,
    website_id      UUID        NOT NULL,
    session_id      UUID        NOT NULL,
    visit_id        UUID        NOT NULL,
    created_at      TIMESTAMP   NOT NULL,  -- UTC
    event_type      SMALLINT    NOT NULL,  -- as event.event_type
    event_name      VARCHAR,
    hostname        VARCHAR,
    url_path        VARCHAR,
    url_query       VARCHAR,
    page_title      VARCHAR,
    tag             VARCHAR,
    referrer_domain VARCHAR,
    referrer_path   VARCHAR,
    referrer_query  VARCHAR,
    utm_source      VARCHAR,
    utm_medium      VARCHAR,
    utm_campaign    VARCHAR,
    utm_content     VARCHAR,
    utm_term        VARCHAR,
    gclid           VARCHAR,
    fbclid          VARCHAR,
    msclkid         VARCHAR,
    ttclid          VARCHAR,
    li_fat_id       VARCHAR,
    twclid          VARCHAR,
    browser         VARCHAR,
    os              VARCHAR,
    device          VARCHAR,
    screen          VARCHAR,
    language        VARCHAR,
    country         VARCHAR,
    region          VARCHAR,
    city            VARCHAR,
    distinct_id     VARCHAR,
    lcp             DOUBLE,
    inp             DOUBLE,
    cls             DOUBLE,
    fcp             DOUBLE,
    ttfb            DOUBLE,
    ingest_seq      BIGINT      DEFAULT 0,
    flag            VARCHAR     NOT NULL CHECK (flag IN ('bot', 'excluded'))  -- excluded wins when both apply
);

-- Exactly event's columns, bots only: what include_bots=true adds (SELECT * FROM event UNION ALL SELECT * FROM bot_event).
-- Excluded traffic is never counted, so it is not in this view.
CREATE VIEW bot_event AS
SELECT event_id, website_id, session_id, visit_id, created_at, event_type, event_name, hostname, url_path, url_query,
       page_title, tag, referrer_domain, referrer_path, referrer_query, utm_source, utm_medium, utm_campaign,
       utm_content, utm_term, gclid, fbclid, msclkid, ttclid, li_fat_id, twclid, browser, os, device, screen,
       language, country, region, city, distinct_id, lcp, inp, cls, fcp, ttfb, ingest_seq
FROM flagged_event WHERE flag = 'bot';
