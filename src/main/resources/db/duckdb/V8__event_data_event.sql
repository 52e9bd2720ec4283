-- Footfall schema, version 8: event data rows carry their event's type and name, so the event data
-- queries that filter only by event name need not join the event table.

ALTER TABLE event_data ADD COLUMN event_type SMALLINT;
ALTER TABLE event_data ADD COLUMN event_name VARCHAR;

UPDATE event_data SET event_type = e.event_type, event_name = e.event_name
FROM event e
WHERE e.website_id = event_data.website_id AND e.event_id = event_data.event_id;
