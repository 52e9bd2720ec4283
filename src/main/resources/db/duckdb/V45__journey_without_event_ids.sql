-- Footfall schema, version 45: visit_journey's first seven rows no longer carry the event id (16 bytes of a random
-- UUID per row, ~170 MiB of the 11.2 M-event bench data). It only broke ties of (created_at, event_type) in the
-- journey report's order; the list keeps tied rows in that order, and a fold rebuilds a visit from its events when a
-- tail row ties a stored one (JourneySpans). The rows are converted in place, in their order: no refill. DuckDB
-- reuses the freed blocks but never shrinks the file: `./footfall compact` returns them (README).

ALTER TABLE visit_journey ALTER firsts SET DATA TYPE STRUCT(ts TIMESTAMP, t SMALLINT, item INTEGER)[]
    USING list_transform(firsts, lambda x: struct_pack(ts := x.ts, t := x.t, item := x.item));
