-- Footfall schema, version 38: the payments of the revenue report, one row per folded custom event carrying a
-- non-zero number `revenue` and a `currency` (per pair of such data rows, as the report's join gives them), with
-- the landing pageview of its visit: the visit's first folded pageview and the referrer and channel of every
-- pageview at that instant. Payments are few, so the report reads these rows instead of joining the event table
-- with its data twice over the range. Filled at start when empty (Rollups.fillIfNew; the channel rules live in
-- code), kept by every fold (RevenueSpans).

CREATE TABLE revenue_event (
    website_id  UUID          NOT NULL,
    event_id    UUID          NOT NULL,
    session_id  UUID          NOT NULL,
    visit_id    UUID          NOT NULL,
    event_name  VARCHAR,
    url_path    VARCHAR,
    created_at  TIMESTAMP     NOT NULL,  -- the event's time, UTC
    revenue_at  TIMESTAMP     NOT NULL,  -- its revenue data row's time (the report bounds both by the range)
    currency_at TIMESTAMP     NOT NULL,  -- its currency data row's time
    country     VARCHAR,
    region      VARCHAR,
    currency    VARCHAR,                 -- upper(string_value) of the currency row
    revenue     DECIMAL(19,4) NOT NULL,
    landing_at  TIMESTAMP,               -- the visit's first folded pageview; NULL without one
    touches     STRUCT(referrer VARCHAR, channel VARCHAR)[]  -- one per pageview of the visit at landing_at
);
