package io.footfall.tinytrail.report;

/**
 * Where TinyTrail reports read events from. TinyTrail collect keeps bot hits and hits from a website's excluded
 * IPs in {@code flagged_event}, apart from {@code event}, so every ordinary read leaves them out. With
 * {@code include_bots=true} a report adds the bots ({@code bot_event}, the flagged rows with flag {@code bot}, in
 * {@code event}'s columns). Excluded-IP traffic never counts: the website's owner asked for it to be left out,
 * and the document's realtime report excludes "bot and excluded traffic" as two different things.
 */
public final class EventSource {
    /** The columns reports use, named so both tables line up in the union. */
    static final String COLUMNS = "event_id, website_id, session_id, visit_id, created_at, event_type, event_name, "
            + "hostname, url_path, referrer_domain, utm_source, utm_medium, utm_campaign, browser, os, device, screen";

    private EventSource() {
    }

    /** A table expression for {@code FROM}: {@code event}, or {@code event} with the bots of {@code bot_event}. */
    public static String table(boolean includeBots) {
        if (!includeBots) return "event";
        return "(SELECT " + COLUMNS + " FROM event UNION ALL SELECT " + COLUMNS + " FROM bot_event)";
    }
}
