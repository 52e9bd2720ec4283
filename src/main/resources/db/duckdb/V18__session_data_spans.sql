-- Footfall schema, version 18: each session data row carries its session's folded activity span, copied
-- from session_span (NULL while the session has no folded activity). "Keys of the sessions
-- active in a range" then reads session_data alone instead of joining it to a million session ids. Kept
-- equal to session_span by every append, fold and re-ship (store/duckdb/SessionDataSpans).
-- The table is rebuilt rather than updated in place: one pass, several times faster than an UPDATE.

CREATE TABLE session_data_spanned (
    website_id       UUID          NOT NULL,
    session_id       UUID          NOT NULL,
    data_key         VARCHAR       NOT NULL,
    string_value     VARCHAR,
    number_value     DECIMAL(19,4),
    date_value       TIMESTAMP,
    data_type        SMALLINT      NOT NULL,
    distinct_id      VARCHAR,
    created_at       TIMESTAMP     NOT NULL,
    session_first_at TIMESTAMP,   -- session_span.first_at of the session
    session_last_at  TIMESTAMP    -- session_span.last_at
);

INSERT INTO session_data_spanned
SELECT d.website_id, d.session_id, d.data_key, d.string_value, d.number_value, d.date_value, d.data_type, d.distinct_id, d.created_at,
       v.first_at, v.last_at
FROM session_data d
LEFT JOIN session_span v ON v.website_id = d.website_id AND v.session_id = d.session_id;

DROP TABLE session_data;

ALTER TABLE session_data_spanned RENAME TO session_data;
