-- Footfall on PostgreSQL, version 2: indexes for the reference path's reads (measured: docs/operations.md).
-- Every statistics query names one website and a time range, so events are found by (website_id, created_at);
-- session data is found by session (the session pages, the write path's replace-by-key).
CREATE INDEX event_by_website_time ON event (website_id, created_at);
CREATE INDEX event_data_by_website_time ON event_data (website_id, created_at);
CREATE INDEX session_data_by_session ON session_data (website_id, session_id, data_key);
