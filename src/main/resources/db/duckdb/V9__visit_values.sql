-- Footfall schema, version 9: the visit-value rollup. Per kind of session_value (path, referrer, title,
-- query, hostname, tag, channel) one table with a row per (visit, value): the number of views carrying that
-- value in the visit and the first and last of them. Expanded metrics (views, visits, bounces and time per
-- value) become sums over rows instead of a group-by over every event. One table per kind, so a query
-- reads only its kind's rows. Filled from stored events at start when empty (Rollups.fillIfNew).

CREATE TABLE visit_value_path (
    website_id UUID NOT NULL,
    visit_id UUID NOT NULL,
    value VARCHAR,
    views INTEGER NOT NULL,
    first_at TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL
);

CREATE TABLE visit_value_referrer (
    website_id UUID NOT NULL,
    visit_id UUID NOT NULL,
    value VARCHAR,
    views INTEGER NOT NULL,
    first_at TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL
);

CREATE TABLE visit_value_title (
    website_id UUID NOT NULL,
    visit_id UUID NOT NULL,
    value VARCHAR,
    views INTEGER NOT NULL,
    first_at TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL
);

CREATE TABLE visit_value_query (
    website_id UUID NOT NULL,
    visit_id UUID NOT NULL,
    value VARCHAR,
    views INTEGER NOT NULL,
    first_at TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL
);

CREATE TABLE visit_value_hostname (
    website_id UUID NOT NULL,
    visit_id UUID NOT NULL,
    value VARCHAR,
    views INTEGER NOT NULL,
    first_at TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL
);

CREATE TABLE visit_value_tag (
    website_id UUID NOT NULL,
    visit_id UUID NOT NULL,
    value VARCHAR,
    views INTEGER NOT NULL,
    first_at TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL
);

CREATE TABLE visit_value_channel (
    website_id UUID NOT NULL,
    visit_id UUID NOT NULL,
    value VARCHAR,
    views INTEGER NOT NULL,
    first_at TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL
);
