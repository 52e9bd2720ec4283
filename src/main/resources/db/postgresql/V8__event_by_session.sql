-- Footfall on PostgreSQL, version 8: events found by session. The sessions page ranks (session, hostname) groups
-- by last activity, then reads the columns of the page's 20 sessions only; the session pages and the activity
-- list read one session. Without it each such read scanned the whole range again (measured on 0.95 M events,
-- 90 days: 370 ms for a page's columns, 1 ms with it; 54 MB, built in 2.3 s; ingest cost in docs/benchmarks.md).
CREATE INDEX event_by_session ON event (website_id, session_id, created_at);
