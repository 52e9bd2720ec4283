-- Footfall schema, version 54: visit_touch keeps its first seven instants without the two its span already holds
-- (`mid_instants`: those strictly between first_at and last_at) instead of all of them (`instants`). The first instant is
-- always first_at, and the last held one is last_at unless the visit has more than seven (then mid_instants holds the six
-- after the first); readers rebuild the list from the three (TouchSpans.instants). One to two timestamps (8 bytes each,
-- not compressed) less per visit. Converted in place, rows and order kept: no refill. `./footfall compact` returns the
-- freed blocks (README).

ALTER TABLE visit_touch ADD COLUMN mid_instants TIMESTAMP[];
UPDATE visit_touch SET mid_instants = list_filter(instants, lambda i: i > first_at AND i < last_at);
ALTER TABLE visit_touch DROP COLUMN instants;
