-- Footfall schema, version 46: visit_journey drops two things no reader needs. Its first rows' item numbers
-- (firsts[].item) repeat e1...e7, the columns the journey report reads: a fold takes a stored row's item from them
-- (JourneySpans). And session_id: no report reads it from this table (the attribution report's sessions come from
-- visit_touch). About 100 MiB of the 11.2 M-event bench data. Converted in place, rows and order kept: no refill.
-- DuckDB reuses the freed blocks but never shrinks the file: `./footfall compact` returns them (README).

ALTER TABLE visit_journey ALTER firsts SET DATA TYPE STRUCT(ts TIMESTAMP, t SMALLINT)[]
    USING list_transform(firsts, lambda x: struct_pack(ts := x.ts, t := x.t));
ALTER TABLE visit_journey DROP COLUMN session_id;
