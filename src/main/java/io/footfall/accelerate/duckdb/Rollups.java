package io.footfall.accelerate.duckdb;

import io.footfall.store.duckdb.DuckDbDialect;
import io.footfall.store.Dialect;
import io.footfall.store.SessionValueKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The rollups as a whole (visit, visit_value_* and their day sums, session_span, session_value_* and their day counts, session_hour, session_event, visit_event, event_hour, event_type_hour, visit_journey, visit_touch, session_touch, revenue_event, funnel_row): they hold the events of
 * batches up to {@code rollup_state.folded_seq}; newer events form the <em>tail</em>. Readers see the tail
 * through views named like the rollup plus {@code _pending} (what each fold would add); a fold merges the
 * tail into every rollup and moves folded_seq in one transaction, so a crash never leaves them half done.
 */
public final class Rollups {
    static final String FOLDED = "ingest_seq <= (SELECT folded_seq FROM rollup_state)";
    public static final String TAIL = "event_tail";
    /** The spelling the rollups' SQL is written in (the store's own dialect, shared by the queries). */
    static final Dialect DIALECT = new DuckDbDialect();

    private Rollups() {
    }

    /** (Re)creates the tail views; at every start, as the value view embeds this build's channel rules. */
    public static void createViews(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE VIEW " + TAIL + " AS SELECT * FROM event WHERE ingest_seq > (SELECT folded_seq FROM rollup_state)");
            st.execute("CREATE OR REPLACE VIEW visit_pending AS " + VisitSpans.pendingView());
            st.execute("CREATE OR REPLACE VIEW session_pending AS " + SessionSpans.pendingView());
            st.execute("CREATE OR REPLACE VIEW session_value_pending AS " + ValueSpans.pendingView());
            st.execute("CREATE OR REPLACE VIEW session_hour_pending AS " + HourSpans.pendingView());
        }
    }

    /** Merges the tail into every rollup and marks it folded (inside the caller's write); returns the new folded_seq. */
    public static long fold(Connection c) throws SQLException {
        timed("visit", () -> VisitSpans.fold(c));
        timed("visit_value", () -> VisitValueSpans.fold(c));
        timed("session_span", () -> SessionSpans.fold(c));
        timed("session_value", () -> ValueSpans.fold(c));
        timed("session_hour", () -> HourSpans.fold(c));
        timed("event spans", () -> EventSpans.fold(c));
        timed("event_hour, event_type_hour, event_value_day", () -> EventHours.fold(c));
        timed("visit_journey", () -> JourneySpans.fold(c));
        timed("visit_touch", () -> TouchSpans.fold(c));
        timed("revenue_event", () -> RevenueSpans.fold(c));
        timed("funnel_row", () -> FunnelRows.fold(c));
        try (Statement st = c.createStatement()) {
            st.execute("UPDATE rollup_state SET folded_seq = greatest(folded_seq, (SELECT coalesce(max(ingest_seq), 0) FROM event))");
            try (var rs = st.executeQuery("SELECT folded_seq FROM rollup_state")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    /** Runs one rollup's part of a fold; with QUERY_TRACE on prints its time. */
    private static void timed(String rollup, Step step) throws SQLException {
        long start = System.nanoTime();
        step.run();
        if (io.footfall.store.SqlTrace.on()) System.err.printf(java.util.Locale.ROOT, "fold %s %.1f ms%n", rollup, (System.nanoTime() - start) / 1e6);
    }

    /** The first sequence number free for a new batch. */
    public static long nextSeq(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT greatest(coalesce(max(ingest_seq), 0), (SELECT folded_seq FROM rollup_state)) + 1 FROM event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every table holding rollup rows of a website (a website reset deletes them with its events). */
    public static java.util.List<String> websiteTables() {
        java.util.List<String> tables = new java.util.ArrayList<>(java.util.List.of("visit", "session_span", "session_hour"));
        tables.addAll(VisitValueSpans.tables());
        tables.addAll(ValueSpans.tables());
        tables.addAll(EventSpans.tables());
        tables.add("event_hour");
        tables.add("visit_journey");
        tables.add("visit_touch");
        tables.add("session_touch");
        tables.add("revenue_event");
        tables.addAll(FunnelRows.TABLES);
        tables.add(RollupTotals.EVENT_TYPE_HOURS.name());
        tables.add(EventValueDays.TABLE);
        tables.add(RollupTotals.VISIT_DAYS.name());
        tables.add(RollupTotals.SESSION_DAYS.name());
        tables.add(RollupTotals.HOUR_GAPS.name());
        tables.add(RollupTotals.SLOT_GAPS.name());
        return tables;
    }

    /** How many events the tail holds. */
    public static long tailSize(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + TAIL)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Fills rollups added by a migration (V4, V5, V9, V11, V12, V13, V14, V15, V16, V19, V20, V21, V22, V35, V38, V39, V40, V42, V44, V52) from the events already
     * stored: once, while they are empty. (V34 fills its UTM kinds itself: a site without UTM values keeps them empty.)
     */
    public static void fillIfNew(Connection c) throws SQLException {
        // A store from before V4/V9 (or V13/V14) gets these rollups whole; the UTM kinds V34 filled are emptied first.
        fillIfEmpty(c, SessionValueKind.PATH.sessionTable(), "event_type IN (1, 3, 4)", whole(ValueSpans.tables(), ValueSpans.rebuild(Narrowing.ALL)));
        fillIfEmpty(c, "session_value_day WHERE kind = " + SessionValueKind.PATH.code, "event_type IN (1, 3, 4)",
                whole(java.util.List.of("session_value_day"), ValueSpans.rebuildDays()));
        // V22 empties the channel kind when its rules change; it is rebuilt alone.
        int channel = SessionValueKind.CHANNEL.ordinal();
        fillIfEmpty(c, SessionValueKind.CHANNEL.sessionTable(), "event_type IN (1, 3, 4)", concat(ValueSpans.rebuild(Narrowing.ALL, SessionValueKind.CHANNEL),
                ValueSpans.rebuildDays().get(channel), VisitValueSpans.rebuild(Narrowing.ALL, SessionValueKind.CHANNEL), VisitValueSpans.rebuildDays().get(channel)));
        fillIfEmpty(c, "session_hour", "event_type <> 5", java.util.List.of(HourSpans.rebuild(Narrowing.ALL)));
        fillIfEmpty(c, SessionValueKind.PATH.visitTable(), "event_type IN (1, 3, 4)", whole(VisitValueSpans.tables(), VisitValueSpans.rebuild(Narrowing.ALL)));
        fillIfEmpty(c, "visit_value_day WHERE kind = " + SessionValueKind.PATH.code, "event_type IN (1, 3, 4)",
                whole(java.util.List.of("visit_value_day"), VisitValueSpans.rebuildDays()));
        fillIfEmpty(c, "session_event", "event_type = 2", java.util.List.of(EventSpans.rebuildSessions(Narrowing.ALL), EventSpans.rebuildVisits(Narrowing.ALL)));
        fillIfEmpty(c, "event_hour", "event_type = 2", java.util.List.of(EventHours.REBUILD));
        fillIfEmpty(c, "visit_journey", JourneySpans.REPORTABLE, JourneySpans.rebuild(Narrowing.ALL));
        fillIfEmpty(c, "visit_touch", TouchSpans.REPORTABLE, TouchSpans.rebuild(Narrowing.ALL));
        // V42: from visit_touch (filled above)
        fillIfEmpty(c, "session_touch", TouchSpans.REPORTABLE, SessionTouches.rebuild(Narrowing.ALL));
        // V38: payments are custom events with revenue data (a store with revenue data but no valid payment checks again at each start)
        fillIfEmpty(c, "revenue_event", "event_type = 2 AND event_id IN (SELECT event_id FROM event_data WHERE data_key = 'currency')",
                RevenueSpans.rebuild(Narrowing.ALL));
        // V39: the funnel's rows (items and session numbers start afresh)
        fillIfEmpty(c, "funnel_row", "event_type IN (1, 2, 3, 4) AND (url_path IS NOT NULL OR event_name IS NOT NULL)",
                whole(java.util.List.of("funnel_row", "funnel_session", "funnel_item"), FunnelRows.rebuild(Narrowing.ALL)));
        fillIfEmpty(c, "event_type_hour", "TRUE", java.util.List.of(EventHours.rebuild(RollupTotals.EVENT_TYPE_HOURS)));
        // V52: the filter pickers' values per day (a store whose events carry none of them checks again at each start)
        fillIfEmpty(c, EventValueDays.TABLE, "url_path <> '' OR referrer_domain <> ''", EventValueDays.TABLES.stream().map(EventHours::rebuild).toList());
        fillIfEmpty(c, RollupTotals.VISIT_DAYS.name(), "event_type IN (1, 3, 4)", java.util.List.of(RollupTotals.rebuild(RollupTotals.VISIT_DAYS),
                RollupTotals.rebuild(RollupTotals.SESSION_DAYS)));
        fillIfEmpty(c, RollupTotals.HOUR_GAPS.name(), "event_type IN (1, 3, 4)", java.util.List.of(RollupTotals.rebuild(RollupTotals.HOUR_GAPS)));
        fillIfEmpty(c, RollupTotals.SLOT_GAPS.name(), "event_type IN (1, 3, 4)", java.util.List.of(RollupTotals.rebuild(RollupTotals.SLOT_GAPS)));
    }

    /** The statements of {@code a}, {@code b}, then {@code c} and {@code d}. */
    private static java.util.List<String> concat(java.util.List<String> a, String b, java.util.List<String> c, String d) {
        java.util.List<String> out = new java.util.ArrayList<>(a);
        out.add(b);
        out.addAll(c);
        out.add(d);
        return out;
    }

    /** Statements that empty {@code tables} and then run {@code rebuild}: a fill that builds them whole. */
    private static java.util.List<String> whole(java.util.List<String> tables, java.util.List<String> rebuild) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String t : tables) out.add("DELETE FROM " + t);
        out.addAll(rebuild);
        return out;
    }

    private static void fillIfEmpty(Connection c, String table, String sourceRows, java.util.List<String> rebuild) throws SQLException {
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT (SELECT count(*) FROM " + table + ") = 0 AND EXISTS (SELECT 1 FROM event WHERE " + sourceRows + ")")) {
            rs.next();
            if (!rs.getBoolean(1)) return;
        }
        try (Statement st = c.createStatement()) {
            for (String sql : rebuild) st.execute(sql);
        }
    }
}
