-- Footfall schema, version 51: visit_journey keeps how many first rows it holds (`n`, at most seven) instead of their
-- sort keys (`firsts`: each row's created_at and event_type, ~127 MiB of the 11.2 M-event bench data). No report reads
-- them; a fold used them to place late rows among the stored ones. Now a fold appends tail rows that all come after a
-- visit's last row (after its n items, when n < 7: the stored items are then all its rows) and builds a visit with a
-- late row again from its events (JourneySpans). Converted in place, rows and order kept: no refill.
-- `./footfall compact` returns the freed blocks (README).

ALTER TABLE visit_journey ADD COLUMN n UTINYINT;
UPDATE visit_journey SET n = len(firsts);
ALTER TABLE visit_journey DROP COLUMN firsts;
