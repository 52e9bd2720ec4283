package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.Channels;
import io.footfall.store.EventStore;
import io.footfall.store.FoldingStore;

import java.sql.SQLException;

/**
 * The revenue report's payments and landing pageviews from {@code revenue_event} (V38; DuckDB, no filters: its rows
 * carry none). Payments are its rows in the range plus, when the website has a tail, the tail's payments joined with
 * their data as the plain query does. A visit's landing touch (its first pageview in the range, one row per pageview at
 * that instant) is known from its rows when all its pageviews are folded and the first lies in the range or after it
 * (none: no touch); the other visits (first pageview before the range, payments or pageviews not folded yet) are
 * <em>checked</em>: their touch is read from events as the plain query does, for those visits only.
 */
public final class RevenueRollup {
    private static final String TOUCH_REFERRER = "CASE WHEN coalesce(e.referrer_domain, '') <> '' AND e.referrer_domain <> coalesce(e.hostname, '') THEN e.referrer_domain END";

    private RevenueRollup() {
    }

    /** Whether the rollup answers: DuckDB and no filters. */
    public static boolean covers(EventScope scope) {
        return VisitRollup.covers(scope);
    }

    /**
     * {@code pay AS MATERIALIZED (...)} with the columns of the plain payments (event_id, session_id, visit_id, event_name,
     * url_path, created_at, country, region, revenue) and landing_at, touches, src (0 rollup, 1 tail); then {@code pend}, the
     * visits with pageviews not folded yet.
     */
    public static SqlText pay(EventStore store, EventScope scope, String currency) throws SQLException {
        boolean tail = FoldingStore.hasTail(store, scope.websiteId());
        SqlText sql = payments(scope, currency, tail);
        if (tail) {
            // visits with pageviews not folded yet: their stored landing may be wrong
            sql.add(", pend AS MATERIALIZED (SELECT DISTINCT visit_id FROM " + Rollups.TAIL + " WHERE website_id = ? AND event_type = 1)", scope.websiteId());
        } else {
            sql.add(", pend AS (SELECT NULL::UUID AS visit_id WHERE false)");
        }
        return sql;
    }

    /** {@code pay AS MATERIALIZED (...)} alone (as {@link #pay}): the payments in {@code currency}, equal to the plain ones. */
    public static SqlText payments(EventStore store, EventScope scope, String currency) throws SQLException {
        return payments(scope, currency, FoldingStore.hasTail(store, scope.websiteId()));
    }

    private static SqlText payments(EventScope scope, String currency, boolean tail) {
        var p = scope.params();
        Object site = scope.websiteId();
        SqlText sql = new SqlText().add("pay AS MATERIALIZED (SELECT event_id, session_id, visit_id, event_name, url_path, created_at, country, region,"
                        + " revenue, landing_at, touches, 0 AS src FROM revenue_event WHERE website_id = ? AND created_at BETWEEN ? AND ?"
                        + " AND revenue_at BETWEEN ? AND ? AND currency_at BETWEEN ? AND ? AND currency = ?",
                site, p.startAt(), p.endAt(), p.startAt(), p.endAt(), p.startAt(), p.endAt(), currency);
        if (tail) {
            sql.add(" UNION ALL SELECT e.event_id, e.session_id, e.visit_id, e.event_name, e.url_path, e.created_at, e.country, e.region,"
                            + " r.number_value, NULL::TIMESTAMP, NULL, 1 FROM " + Rollups.TAIL + " e"
                            + " JOIN event_data r ON r.website_id = e.website_id AND r.event_id = e.event_id"
                            + " JOIN event_data cur ON cur.website_id = e.website_id AND cur.event_id = e.event_id"
                            + " WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND e.event_type = 2"
                            + " AND r.website_id = ? AND r.created_at BETWEEN ? AND ? AND r.data_key = 'revenue' AND r.number_value <> 0"
                            + " AND cur.website_id = ? AND cur.created_at BETWEEN ? AND ? AND cur.data_key = 'currency' AND upper(cur.string_value) = ?",
                    site, p.startAt(), p.endAt(), site, p.startAt(), p.endAt(), site, p.startAt(), p.endAt(), currency);
        }
        return sql.add(")");
    }

    /**
     * After {@link #pay}: {@code , touch AS (...)} with the plain query's columns (visit_id, referrer, channel): one row
     * per pageview at the first pageview instant in the range of each payment visit.
     */
    public static SqlText touch(EventScope scope) {
        var p = scope.params();
        Object site = scope.websiteId();
        return new SqlText().add(", checked AS MATERIALIZED (SELECT DISTINCT visit_id FROM pay WHERE src = 1 OR landing_at < ?"
                                + " OR visit_id IN (SELECT visit_id FROM pend))", p.startAt())
                .add(", known AS (SELECT visit_id, any_value(touches) AS touches FROM pay WHERE src = 0 AND landing_at BETWEEN ? AND ?"
                        + " AND visit_id NOT IN (SELECT visit_id FROM checked) GROUP BY visit_id)", p.startAt(), p.endAt())
                .add(", landing AS (SELECT e.visit_id, min(e.created_at) AS at FROM event e"
                                + " WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND e.event_type = 1"
                                + " AND e.visit_id IN (SELECT visit_id FROM checked) GROUP BY e.visit_id)",
                        site, p.startAt(), p.endAt())
                .add(", touch AS (SELECT visit_id, struct_extract(t, 'referrer') AS referrer, struct_extract(t, 'channel') AS channel FROM (SELECT visit_id, unnest(touches) AS t FROM known) k"
                                + " UNION ALL SELECT e.visit_id, " + TOUCH_REFERRER + ", " + Channels.sql(scope.dialect())
                                + " FROM event e JOIN landing l ON l.visit_id = e.visit_id AND l.at = e.created_at"
                                + " WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND e.event_type = 1)",
                        site, p.startAt(), p.endAt());
    }
}
