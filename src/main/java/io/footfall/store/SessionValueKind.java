package io.footfall.store;

import io.footfall.event.Event;
import io.footfall.query.Channels;

/**
 * The dimensions of the session-value and visit-value rollups (a table per kind each): for each, what a view
 * contributes, in Java ({@link #valuesOf}, appends) and in SQL over alias {@code e} ({@link #sql}, rebuilds). Both must agree with what
 * the metrics query groups by for that type, row for row.
 */
public enum SessionValueKind {
    PATH(1, "path"),
    REFERRER(2, "referrer"),
    TITLE(3, "title"),
    QUERY(4, "query"),
    HOSTNAME(5, "hostname"),
    TAG(6, "tag"),
    CHANNEL(7, "channel");

    public final int code;
    public final String metric;

    SessionValueKind(int code, String metric) {
        this.code = code;
        this.metric = metric;
    }

    /** The kind answering a metric type, or null. {@code domain} is Umami's other name for referrer. */
    public static SessionValueKind forMetric(String type) {
        if (type.equals("domain")) return REFERRER;
        for (SessionValueKind k : values()) if (k.metric.equals(type)) return k;
        return null;
    }

    /**
     * Every kind's value for one view, indexed like {@link #values()}; NULL where a kind that
     * {@link #skipsNull() skips NULL} contributes no row.
     */
    public static void valuesOf(Event e, String[] out) {
        out[PATH.ordinal()] = e.page().urlPath();
        out[REFERRER.ordinal()] = externalReferrer(e);
        out[TITLE.ordinal()] = e.page().pageTitle();
        out[QUERY.ordinal()] = e.page().urlQuery().isEmpty() ? null : e.page().urlQuery();
        out[HOSTNAME.ordinal()] = e.page().hostname();
        out[TAG.ordinal()] = e.page().tag();
        out[CHANNEL.ordinal()] = channel(e);
    }

    /** The same in SQL over alias e; rows where it is NULL contribute nothing for referrer and channel. */
    public String sql() {
        return switch (this) {
            case PATH -> "e.url_path";
            case REFERRER -> "CASE WHEN e.referrer_domain <> '' AND e.referrer_domain <> e.hostname "
                    + "AND e.referrer_domain <> regexp_replace(e.hostname, '^www\\.', '') THEN e.referrer_domain END";
            case TITLE -> "e.page_title";
            // No query string is stored as '' (older rows: NULL); both are the one missing value here.
            case QUERY -> "nullif(e.url_query, '')";
            case HOSTNAME -> "e.hostname";
            case TAG -> "e.tag";
            case CHANNEL -> Channels.sql();
        };
    }

    /** This kind's table in the session-value rollup (V10). */
    public String sessionTable() {
        return "session_value_" + metric;
    }

    /** This kind's table in the visit-value rollup (V9). */
    public String visitTable() {
        return "visit_value_" + metric;
    }

    /** Whether the SQL value being NULL means "no row" (true) or "a row with a NULL value" (false). */
    public boolean skipsNull() {
        return this == REFERRER || this == CHANNEL;
    }

    /** The referrer metric's rule: a non-empty referrer domain that is not the page's own host (with or without www). */
    private static String externalReferrer(Event e) {
        String ref = e.referrer().domain();
        String host = e.page().hostname();
        if (ref == null || ref.isEmpty() || host == null) return null;
        if (ref.equals(host) || ref.equals(host.startsWith("www.") ? host.substring(4) : host)) return null;
        return ref;
    }

    private static String channel(Event e) {
        return Channels.classify(e.referrer().domain(), e.page().urlQuery(), e.campaign().utmMedium(), e.campaign().utmSource());
    }
}
