-- Footfall schema, version 50: visit_touch drops `touches` (the touch values of the visit's rows at its first instant).
-- They are `early`'s entries at first_at: `early` holds every row with a touch value at the first seven instants, and
-- first_at is the first of them. Readers and the session_touch rebuild take them from there (TouchSpans.firstTouches);
-- a fold's merge of `early` already keeps the earlier side's first-instant rows, or both sides' when they tie.
-- Converted in place, rows and order kept: no refill. `./footfall compact` returns the freed blocks (README).

ALTER TABLE visit_touch DROP COLUMN touches;
