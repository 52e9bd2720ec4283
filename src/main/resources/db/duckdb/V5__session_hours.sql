-- Footfall schema, version 5: an exact rollup of activity and views per session and UTC hour, with the
-- session's previous hour with views. A time series counts a session in a bucket once: at its first hour in the
-- bucket, i.e. where the previous hour lies in another bucket (or before the range), so "distinct
-- sessions per bucket" is a count of rows, for any zone whose offsets are whole hours.
-- The store keeps prev_hour right for sessions touched by each fold and fills the table at its first
-- start from existing events.

CREATE TABLE session_hour (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    hour       TIMESTAMP NOT NULL,  -- UTC hour start
    prev_hour  TIMESTAMP,           -- the session's previous hour with views; NULL for its first, and when views = 0
    prev_slot  TIMESTAMP,           -- the session's previous hour with activity in the same hour of the UTC week
    views      INTEGER   NOT NULL,  -- pageviews, link and pixel hits in the hour
    activity   INTEGER   NOT NULL   -- rows of every type but web vitals (a row exists when this is > 0)
);
