-- Footfall schema, version 6: rollups fold from the event table itself. Each appended batch carries a
-- sequence number; rollup_state.folded_seq says up to which batch the rollups (visit, session_span,
-- session_value, session_hour) include events. Newer events are "pending": the store creates views
-- named <rollup>_pending over them at start, which readers use to stay exact. This replaces the
-- per-batch pending tables, which cost appends as much as the events themselves.

ALTER TABLE event ADD COLUMN ingest_seq BIGINT DEFAULT 0;  -- 0: present before V6, already in the rollups

CREATE TABLE rollup_state (folded_seq BIGINT NOT NULL);
INSERT INTO rollup_state VALUES (0);

DROP TABLE IF EXISTS visit_pending;
DROP TABLE IF EXISTS session_pending;
DROP TABLE IF EXISTS session_value_pending;
DROP TABLE IF EXISTS session_hour_pending;
