-- Footfall schema, version 32: website settings of the TinyTrail API (content groups, excluded IPs).
-- One row per website that has any; JSON text, read and written whole. The domain stays in website.domain.

CREATE TABLE website_setting (
    website_id     UUID   PRIMARY KEY,
    content_groups TEXT   NOT NULL,  -- [{"name": ..., "pattern": ...}]
    excluded_ips   TEXT   NOT NULL   -- ["203.0.113.0/24", "2001:db8::1", ...]
);
