-- Footfall schema, version 30: the dashboard's per-person preferences (language, time zone, theme, default
-- date range), so they follow a person to another browser. One row per user, written on the first change;
-- a missing row or a NULL column means "not chosen" (the dashboard then uses its own default).
-- Plain SQL that PostgreSQL takes unchanged.

CREATE TABLE user_preference (
    user_id     UUID          PRIMARY KEY,
    language    VARCHAR(35),
    time_zone   VARCHAR(64),
    theme       VARCHAR(10),
    date_range  VARCHAR(16),
    updated_at  TIMESTAMP     NOT NULL
);
