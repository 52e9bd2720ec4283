package io.footfall.store;


/**
 * The dimensions of the session-value and visit-value rollups (a table per kind each): for each, what a view
 * contributes, in SQL over alias {@code e} ({@link #sql}: folds, rebuilds, the tail views). It must agree with
 * what the metrics query groups by for that type, row for row.
 */
public enum SessionValueKind {
    PATH(1, "path"),
    REFERRER(2, "referrer"),
    TITLE(3, "title"),
    QUERY(4, "query"),
    HOSTNAME(5, "hostname"),
    TAG(6, "tag"),
    CHANNEL(7, "channel"),
    // V34: a view's UTM parameters (from its page URL), Umami's utm* metric types over the event columns.
    UTM_SOURCE(8, "utmSource", "utm_source"),
    UTM_MEDIUM(9, "utmMedium", "utm_medium"),
    UTM_CAMPAIGN(10, "utmCampaign", "utm_campaign"),
    UTM_CONTENT(11, "utmContent", "utm_content"),
    UTM_TERM(12, "utmTerm", "utm_term");

    public final int code;
    public final String metric;
    /** The name in this kind's tables ({@code session_value_<name>}, {@code visit_value_<name>}). */
    private final String tableName;

    SessionValueKind(int code, String metric) {
        this(code, metric, metric);
    }

    SessionValueKind(int code, String metric, String tableName) {
        this.code = code;
        this.metric = metric;
        this.tableName = tableName;
    }

    /** The kind answering a metric type, or null. {@code domain} is Umami's other name for referrer. */
    public static SessionValueKind forMetric(String type) {
        if (type.equals("domain")) return REFERRER;
        for (SessionValueKind k : values()) if (k.metric.equals(type)) return k;
        return null;
    }

    /** The value in SQL over alias e; rows where it is NULL contribute nothing for referrer and channel. */
    public String sql(Dialect d) {
        return switch (this) {
            case PATH -> "e.url_path";
            case REFERRER -> "CASE WHEN e.referrer_domain <> '' AND e.referrer_domain <> e.hostname "
                    + "AND e.referrer_domain <> regexp_replace(e.hostname, '^www\\.', '') THEN e.referrer_domain END";
            case TITLE -> "e.page_title";
            // No query string is stored as '' (older rows: NULL); both are the one missing value here.
            case QUERY -> "nullif(e.url_query, '')";
            case HOSTNAME -> "e.hostname";
            case TAG -> "e.tag";
            case CHANNEL -> Channels.sql(d);
            // The UTM kinds' names are their event columns.
            case UTM_SOURCE, UTM_MEDIUM, UTM_CAMPAIGN, UTM_CONTENT, UTM_TERM -> "e." + tableName;
        };
    }

    /** This kind's table in the session-value rollup (V10; the UTM kinds V34). */
    public String sessionTable() {
        return "session_value_" + tableName;
    }

    /** This kind's table in the visit-value rollup (V9; the UTM kinds V34). */
    public String visitTable() {
        return "visit_value_" + tableName;
    }

    /** Whether the SQL value being NULL means "no row" (true) or "a row with a NULL value" (false). */
    public boolean skipsNull() {
        return this == REFERRER || this == CHANNEL;
    }

    /**
     * The condition on a value {@code v} for the value rollups to keep a row (V28): a missing value (NULL or
     * {@code ''}, e.g. no tag, no query string) gets none, for every kind. Exact because the readers' every
     * use of these rows is per value, filtered on the value itself, and a missing value is never answered
     * (metrics drop it, as Umami): a row of a missing value only ever fed a group that is then dropped.
     */
    public static String stored(String v) {
        return v + " IS NOT NULL AND " + v + " <> ''";
    }
}
