-- Footfall schema, version 54: visit_touch keeps its first seven instants without the two its span already holds
-- (`mid_instants`: those strictly between first_at and last_at) instead of all of them (`instants`). The first instant is
-- always first_at, and the last held one is last_at unless the visit has more than seven (then mid_instants holds the six
-- after the first); readers rebuild the list from the three (TouchSpans.instants). One to two timestamps (8 bytes each,
-- not compressed) less per visit. Converted in place, rows and order kept: no refill. `./footfall compact` returns the
-- freed blocks (README).

-- (The first is instants[1]; the last is dropped when it is last_at. No lambda over first_at/last_at: on the 11.2 M-event
-- bench data the first start with an UPDATE using one died (SIGSEGV), and ALTER ... USING with one failed with an
-- internal error.)
ALTER TABLE visit_touch ALTER COLUMN instants SET DATA TYPE TIMESTAMP[]
    USING list_slice(instants, 2, CASE WHEN list_last(instants) = last_at THEN len(instants) - 1 ELSE len(instants) END);
ALTER TABLE visit_touch RENAME COLUMN instants TO mid_instants;
