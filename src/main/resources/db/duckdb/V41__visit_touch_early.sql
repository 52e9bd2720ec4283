-- Footfall schema, version 41: each visit's touch values of its rows at its first seven instants, so that the
-- attribution report's last-click (whose touch is the visit's latest row before the conversion, often not its first)
-- reads them from the rollup instead of joining the range's events with the touched visits.
-- `instants` holds the visit's first seven distinct reportable instants (all of them when it has fewer), `early` one
-- entry per reportable row at one of those instants that carries any touch value (as `touches`). A fold merges the
-- tail: the first seven of both lists' instants, and the rows of both at those instants. Emptied here: the fill at
-- start (Rollups.fillIfNew) builds the table whole again with the new columns.

ALTER TABLE visit_touch ADD COLUMN instants TIMESTAMP[];
ALTER TABLE visit_touch ADD COLUMN early STRUCT(ts TIMESTAMP, u STRUCT(referrer VARCHAR, paid VARCHAR, utm_source VARCHAR,
    utm_medium VARCHAR, utm_campaign VARCHAR, utm_content VARCHAR, utm_term VARCHAR))[];
DELETE FROM visit_touch;
