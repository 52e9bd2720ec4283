-- Footfall schema, version 28: the value rollups keep no row for a missing value (NULL or '', e.g. no tag, no
-- query string, no title). Those rows were a third of the bench data's rollups (a tag-less site still had one
-- visit_value_tag row per visit) and never reached an answer: every reader groups these rows by value and
-- drops the missing one, as Umami's metrics do (SessionValueKind.stored). The day sums lose the same groups,
-- so they stay equal to their tables.
DELETE FROM visit_value_path WHERE value IS NULL OR value = '';
DELETE FROM visit_value_referrer WHERE value IS NULL OR value = '';
DELETE FROM visit_value_title WHERE value IS NULL OR value = '';
DELETE FROM visit_value_query WHERE value IS NULL OR value = '';
DELETE FROM visit_value_hostname WHERE value IS NULL OR value = '';
DELETE FROM visit_value_tag WHERE value IS NULL OR value = '';
DELETE FROM visit_value_channel WHERE value IS NULL OR value = '';
DELETE FROM session_value_path WHERE value IS NULL OR value = '';
DELETE FROM session_value_referrer WHERE value IS NULL OR value = '';
DELETE FROM session_value_title WHERE value IS NULL OR value = '';
DELETE FROM session_value_query WHERE value IS NULL OR value = '';
DELETE FROM session_value_hostname WHERE value IS NULL OR value = '';
DELETE FROM session_value_tag WHERE value IS NULL OR value = '';
DELETE FROM session_value_channel WHERE value IS NULL OR value = '';

DELETE FROM visit_value_day WHERE value IS NULL OR value = '';
DELETE FROM session_value_day WHERE value IS NULL OR value = '';
