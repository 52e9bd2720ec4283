package io.footfall.accelerate.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's entry points after a bulk load that wrote {@code event} (and {@code session_data}) rows with
 * set-based SQL instead of {@link DuckDbEventStore#append} (the query benchmark's generated data): every
 * rollup rebuilt from the events, in dependency order. Run inside a write; rows must carry ingest_seq 0
 * (folded), since the rebuilt rollups then hold them.
 */
public final class BulkLoads {
    private BulkLoads() {
    }

    /** Rebuilds the visit, session, hourly, value and custom-event rollups and the totals beside them from the events. */
    public static void rebuildRollups(Connection c) throws SQLException {
        List<String> steps = new ArrayList<>();
        steps.add("DELETE FROM visit");
        steps.add(VisitSpans.rebuild(Narrowing.ALL));
        steps.add(VisitSpans.relinkSql(null)); // each visit linked to its session's previous one
        steps.addAll(VisitValueSpans.rebuild(Narrowing.ALL));
        steps.addAll(VisitValueSpans.rebuildDays());
        steps.add(EventSpans.rebuildSessions(Narrowing.ALL));
        steps.add(EventSpans.rebuildVisits(Narrowing.ALL));
        steps.add("DELETE FROM visit_journey");
        steps.addAll(JourneySpans.rebuild(Narrowing.ALL));
        steps.add("DELETE FROM visit_touch");
        steps.addAll(TouchSpans.rebuild(Narrowing.ALL));
        steps.add("DELETE FROM session_touch");
        steps.addAll(SessionTouches.rebuild(Narrowing.ALL));
        steps.add("DELETE FROM revenue_event");
        steps.addAll(RevenueSpans.rebuild(Narrowing.ALL));
        steps.add("DELETE FROM funnel_row");
        steps.add("DELETE FROM funnel_session");
        steps.addAll(FunnelRows.rebuild(Narrowing.ALL));
        steps.add(EventHours.REBUILD);
        steps.add(EventHours.rebuild(RollupTotals.EVENT_TYPE_HOURS));
        steps.add("DELETE FROM " + EventValueDays.TABLE);
        for (RollupTotals.Table t : EventValueDays.TABLES) steps.add(EventHours.rebuild(t));
        steps.add("DELETE FROM session_span");
        steps.add(SessionSpans.rebuild(Narrowing.ALL));
        steps.addAll(ValueSpans.rebuild(Narrowing.ALL));
        steps.addAll(ValueSpans.rebuildDays());
        steps.add("DELETE FROM session_hour");
        steps.add(HourSpans.rebuild(Narrowing.ALL));
        for (RollupTotals.Table totals : List.of(RollupTotals.VISIT_DAYS, RollupTotals.SESSION_DAYS, RollupTotals.HOUR_GAPS, RollupTotals.SLOT_GAPS)) {
            steps.add(RollupTotals.rebuild(totals));
        }
        run(c, steps);
    }

    /** Copies every session's span onto its session data rows (after session data was bulk-loaded). */
    public static void resyncSessionData(Connection c) throws SQLException {
        run(c, SessionDataSpans.RESYNC);
    }

    private static void run(Connection c, List<String> steps) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : steps) st.execute(sql);
        }
    }
}
