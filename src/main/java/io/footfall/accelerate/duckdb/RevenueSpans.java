package io.footfall.accelerate.duckdb;

import io.footfall.store.Channels;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The payment rollup (V38: {@code revenue_event}), folded from the event tail: the tail's payments are added, then the
 * landing pageview (first pageview, and the referrer and channel of each pageview at that instant) is recomputed for
 * the payment visits the tail touched, so a late pageview before a stored landing moves it.
 */
public final class RevenueSpans {
    private RevenueSpans() {
    }

    /** The payment rows of the custom events {@code events} names (FROM ... alias e ... WHERE), in revenue_event's column order. */
    private static String payments(String events, String where) {
        return "SELECT e.website_id, e.event_id, e.session_id, e.visit_id, e.event_name, e.url_path, e.created_at, r.created_at, "
                + "cur.created_at, e.country, e.region, upper(cur.string_value), r.number_value, NULL::TIMESTAMP, NULL "
                + "FROM " + events + " e JOIN event_data r ON r.website_id = e.website_id AND r.event_id = e.event_id "
                + "JOIN event_data cur ON cur.website_id = e.website_id AND cur.event_id = e.event_id "
                + "WHERE e.event_type = 2 AND r.data_key = 'revenue' AND r.number_value <> 0 AND cur.data_key = 'currency'" + where;
    }

    /** Sets landing_at and touches of the payment rows of the visits {@code visits} (a condition on column visit_id of the event table) from events {@code folded}. */
    private static String landing(String visits, String folded) {
        String referrer = "CASE WHEN coalesce(e.referrer_domain, '') <> '' AND e.referrer_domain <> coalesce(e.hostname, '') THEN e.referrer_domain END";
        return "UPDATE revenue_event x SET landing_at = l.at, touches = l.touches FROM (WITH pv AS (SELECT e.website_id, e.visit_id, e.created_at, "
                + referrer + " AS referrer, " + Channels.sql(Rollups.DIALECT) + " AS channel FROM event e WHERE e.event_type = 1" + folded
                + " AND " + visits + "), first AS (SELECT website_id, visit_id, min(created_at) AS at FROM pv GROUP BY ALL) "
                + "SELECT f.website_id, f.visit_id, f.at, list({'referrer': p.referrer, 'channel': p.channel}) AS touches FROM first f "
                + "JOIN pv p ON p.website_id = f.website_id AND p.visit_id = f.visit_id AND p.created_at = f.at GROUP BY ALL) l "
                + "WHERE x.website_id = l.website_id AND x.visit_id = l.visit_id";
    }

    static void fold(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO revenue_event " + payments(Rollups.TAIL, ""));
            // every event visible here is folded by this fold: no bound on ingest_seq
            st.execute(landing("e.visit_id IN (SELECT visit_id FROM " + Rollups.TAIL + " WHERE event_type IN (1, 2) "
                    + "AND visit_id IN (SELECT visit_id FROM revenue_event))", ""));
        }
    }

    /** Rebuilds the payment rows of the visits {@code visits} names (or all) from the folded events; the caller deleted them. */
    static List<String> rebuild(Narrowing visits) {
        String folded = " AND e." + Rollups.FOLDED;
        return List.of("INSERT INTO revenue_event " + payments("event", folded + visits.and("e.visit_id")),
                landing(visits.ids() == 0 ? "e.visit_id IN (SELECT visit_id FROM revenue_event)" : visits.in("e.visit_id"), folded));
    }

    /** Fills the rollup from the stored events (an upgrade, or revenue data written straight into the store). */
    public static void rebuildAll(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM revenue_event");
            for (String sql : rebuild(Narrowing.ALL)) st.execute(sql);
        }
    }
}
