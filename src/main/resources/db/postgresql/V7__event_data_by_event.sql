-- Footfall on PostgreSQL, version 7: event data found by its event. The event list asks, for each row of a page,
-- whether the event carries data; without this index that was a scan of all event data per row (measured on
-- 150 k event-data rows: 450 ms for a page of 20, 0.3 ms with it; 6 MB, built in 0.2 s; docs/benchmarks.md).
CREATE INDEX event_data_by_event ON event_data (website_id, event_id);
