-- Footfall schema, version 17: each event's data rows are numbered in the event (0 for its first), so
-- "events with data" is a count of rows numbered 0 instead of a distinct count over event ids.

ALTER TABLE event_data ADD COLUMN data_index SMALLINT;

UPDATE event_data SET data_index = n.i
FROM (SELECT website_id, event_id, data_key, (row_number() OVER (PARTITION BY website_id, event_id ORDER BY data_key) - 1)::SMALLINT AS i
      FROM event_data) n
WHERE n.website_id = event_data.website_id AND n.event_id = event_data.event_id AND n.data_key = event_data.data_key;
