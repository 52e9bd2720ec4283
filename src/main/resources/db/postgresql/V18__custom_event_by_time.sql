-- Footfall on PostgreSQL, version 18: custom events by time, carrying what the event metric, the events series
-- and the events totals read. Those read only custom events (event_type = 2, ~12 % of rows) but they are spread
-- over every page of the event table, so over 90 days at 1 M events each statement read the whole heap (~25 k
-- pages, 160-240 ms); from this index they are an index-only scan of ~1 k pages (35-85 ms).
-- Partial: ingest pays one index entry per custom event only.
CREATE INDEX event_custom_by_time ON event (website_id, created_at) INCLUDE (event_name, session_id, visit_id) WHERE event_type = 2;
