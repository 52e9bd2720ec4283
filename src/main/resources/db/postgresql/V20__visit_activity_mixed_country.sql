-- Footfall on PostgreSQL, version 20: the visits whose events name several countries (mixed_country, V16), found without a
-- scan. The sessions page totals (io.footfall.accelerate.postgres.ActivityStats) read the countries of these few visits from
-- their events; the other inside visits give theirs in the one grouped scan that sums them. Measured, the separate scans of
-- every inside visit for those were ~40 % of the statement over 90 days at 1 M events (docs/benchmarks.md, h25-pgweekly).
-- Partial: a visit row has an entry only while its countries disagree (rare), so the batch upserts barely pay for it.
CREATE INDEX visit_activity_span_mixed ON visit_activity_span (website_id, first_at) WHERE mixed_country;
