package io.footfall.tinytrail.report;

/**
 * Where TinyTrail reports read events from. Collect stores bot hits and hits from a website's excluded IPs in
 * {@code flagged_event} (the columns of {@code event}), so every ordinary read leaves them out; with
 * {@code include_bots=true} a report reads both tables. The table does not tell bots from excluded IPs, so
 * {@code include_bots=true} brings in both.
 */
public final class EventSource {
    /** The columns reports use, named so both tables line up in the union. */
    static final String COLUMNS = "event_id, website_id, session_id, visit_id, created_at, event_type, event_name, "
            + "hostname, url_path, referrer_domain, utm_source, utm_medium, utm_campaign, browser, os, device, screen";

    private EventSource() {
    }

    /** A table expression for {@code FROM}: {@code event}, or {@code event} with {@code flagged_event}. */
    public static String table(boolean includeFlagged) {
        if (!includeFlagged) return "event";
        return "(SELECT " + COLUMNS + " FROM event UNION ALL SELECT " + COLUMNS + " FROM flagged_event)";
    }
}
