-- Website settings of the TinyTrail API (DuckDB V32): content groups and excluded IPs as JSON text.

CREATE TABLE website_setting (
    website_id     UUID   PRIMARY KEY,
    content_groups TEXT   NOT NULL,
    excluded_ips   TEXT   NOT NULL
);
