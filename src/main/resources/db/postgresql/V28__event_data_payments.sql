-- Footfall on PostgreSQL, version 28: payments found without reading other event data. A payment is an event's
-- `revenue` and `currency` data rows (RevenueSessions.payments); the revenue sessions list, the revenue report and
-- attribution in a currency join the two over the range. Without this index that was a scan of the range's event
-- data (all keys) twice; this partial index holds only those two keys, with what the join and its conditions read,
-- so each side is an index-only range scan. Writer cost: an entry per revenue or currency row only.
CREATE INDEX event_data_payments ON event_data (website_id, data_key, created_at)
    INCLUDE (event_id, number_value, string_value, event_type)
    WHERE data_key IN ('revenue', 'currency');
