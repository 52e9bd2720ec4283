package io.footfall.accelerate.duckdb;

import io.footfall.store.SessionValueKind;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Totals kept beside a rollup: sums over its rows per group (V13/V14: {@code visit_value_day} and
 * {@code session_value_day} per kind, value and UTC day of the first view; V15: {@code visit_day} and
 * {@code session_view_day} per UTC day of the first view; V16: {@code hour_gap} per hour and hours since the
 * session's previous one; V20: {@code hour_slot_gap} per hour and weeks since the session's previous hour in the same slot; V12: {@code event_hour}, custom events per hour and name, and V19: {@code event_type_hour}, events per hour and type, from the event table itself). A table fed by several rollup tables (one per kind) has one {@link Table} each.
 * A change to rollup rows is bracketed: their contribution is taken out as they were ({@link #contribution}
 * with sign -1), the rows change, their contribution is added as they became (+1), and {@link #commit}
 * applies the difference.
 */
public final class RollupTotals {
    /**
     * One totals table: the rollup it sums (alias s), its group columns with their expressions, the rows it
     * counts, its sum columns with their expressions, and the column that is zero when a group holds nothing.
     */
    record Table(String name, String source, String[] keys, String[] keyExpressions, String rows, String[] columns, String[] sums,
                 String count) {
    }

    public static final Table VISIT_DAYS = new Table("visit_day", "visit", new String[]{"day"}, new String[]{"date_trunc('day', s.first_at)"},
            "TRUE", new String[]{"views", "visits", "bounces", "secs"},
            new String[]{"sum(s.views)", "count(*)", "count(*) FILTER (WHERE s.views = 1)", "sum((epoch_us(s.last_at) - epoch_us(s.first_at)) // 1000000)"},
            "visits");
    public static final Table SESSION_DAYS = new Table("session_view_day", "session_span", new String[]{"day"},
            new String[]{"date_trunc('day', s.first_view_at)"}, "NOT s.mixed AND s.first_view_at IS NOT NULL",
            new String[]{"sessions"}, new String[]{"count(*)"}, "sessions");
    static final int GAP_CAP = io.footfall.store.HourGap.CAP;
    public static final Table HOUR_GAPS = new Table("hour_gap", "session_hour", new String[]{"hour", "gap"},
            new String[]{"s.hour", "coalesce(least((epoch_us(s.hour) - epoch_us(s.prev_hour)) // 3600000000, " + GAP_CAP + "), " + GAP_CAP + ")"},
            "s.views > 0", new String[]{"views", "rows"}, new String[]{"sum(s.views)", "count(*)"}, "rows");

    /** V20: session-hours with views per hour and whole weeks since the session's previous hour with views in the same slot (0: none; V21). */
    public static final Table SLOT_GAPS = new Table("hour_slot_gap", "session_hour", new String[]{"hour", "weeks"},
            new String[]{"s.hour", "coalesce(date_diff('hour', s.prev_slot, s.hour) // 168, 0)"}, "s.views > 0", new String[]{"rows"},
            new String[]{"count(*)"}, "rows");

    /** V12: custom events per (UTC hour, name), summed straight from the event table (no rollup between). */
    static final Table EVENT_HOURS = new Table("event_hour", "event", new String[]{"hour", "event_name"},
            new String[]{"date_trunc('hour', s.created_at)", "s.event_name"}, "s.event_type = 2", new String[]{"events"},
            new String[]{"count(*)"}, "events");

    /** V19: events of every type per (UTC hour, type), summed straight from the event table. */
    public static final Table EVENT_TYPE_HOURS = new Table("event_type_hour", "event", new String[]{"hour", "event_type"},
            new String[]{"date_trunc('hour', s.created_at)", "s.event_type"}, "TRUE", new String[]{"events"},
            new String[]{"count(*)"}, "events");

    /** visit_value_day's part from one kind's visit-value table. */
    static Table visitValueDays(SessionValueKind k) {
        return new Table("visit_value_day", k.visitTable(), new String[]{"kind", "value", "day"},
                new String[]{k.code + "::TINYINT", "s.value", "date_trunc('day', s.first_at)"}, "TRUE",
                new String[]{"views", "visits", "bounces", "secs"}, VISIT_DAYS.sums(), "visits");
    }

    /** session_value_day's part from one kind's session-value table. */
    static Table sessionValueDays(SessionValueKind k) {
        return new Table("session_value_day", k.sessionTable(), new String[]{"kind", "value", "day"},
                new String[]{k.code + "::TINYINT", "s.value", "date_trunc('day', s.first_at)"}, "TRUE",
                new String[]{"rows"}, new String[]{"count(*)"}, "rows");
    }

    private RollupTotals() {
    }

    /** A change to rollup rows, run between taking their contribution out and adding it back. */
    interface Change {
        void run() throws SQLException;
    }

    /** Runs {@code change} bracketed for one totals table: the rows {@code touched} selects (alias s) are summed before and after. */
    static void bracket(Statement st, Table t, String touched, Change change) throws SQLException {
        begin(st, t);
        st.execute(contribution(t, -1, touched));
        change.run();
        st.execute(contribution(t, 1, touched));
        commit(st, t);
    }

    /** Starts a change: an empty delta table. */
    static void begin(Statement st, Table t) throws SQLException {
        st.execute("CREATE OR REPLACE TEMP TABLE " + t.name() + "_delta AS SELECT * FROM " + t.name() + " LIMIT 0");
    }

    /** Adds the contribution of the rollup rows {@code where} selects (alias s), times {@code sign}, to the delta. */
    static String contribution(Table t, int sign, String where) {
        return "INSERT INTO " + t.name() + "_delta " + select(t, sign, where);
    }

    private static String select(Table t, int sign, String where) {
        StringBuilder keys = new StringBuilder();
        StringBuilder sums = new StringBuilder();
        for (String k : t.keyExpressions()) keys.append(", ").append(k);
        for (String sum : t.sums()) sums.append(", ").append(sign).append(" * ").append(sum);
        StringBuilder groups = new StringBuilder("1");
        for (int i = 0; i < t.keys().length; i++) groups.append(", ").append(i + 2);
        return "SELECT s.website_id" + keys + sums + " FROM " + t.source() + " s WHERE " + t.rows() + " AND (" + where + ") GROUP BY " + groups;
    }

    /** Applies the delta to the totals; groups left with nothing go. */
    static void commit(Statement st, Table t) throws SQLException {
        StringBuilder keys = new StringBuilder();
        StringBuilder same = new StringBuilder("y.website_id = d.website_id");
        for (String k : t.keys()) {
            keys.append(", ").append(k);
            same.append(" AND y.").append(k).append(" IS NOT DISTINCT FROM d.").append(k); // value keys may be NULL
        }
        StringBuilder sums = new StringBuilder();
        StringBuilder set = new StringBuilder();
        for (String col : t.columns()) {
            sums.append(", sum(").append(col).append(") AS ").append(col);
            set.append(set.isEmpty() ? "" : ", ").append(col).append(" = y.").append(col).append(" + d.").append(col);
        }
        st.execute("CREATE OR REPLACE TEMP TABLE " + t.name() + "_sum AS SELECT website_id" + keys + sums + " FROM " + t.name()
                + "_delta GROUP BY ALL");
        st.execute("UPDATE " + t.name() + " y SET " + set + " FROM " + t.name() + "_sum d WHERE " + same);
        st.execute("INSERT INTO " + t.name() + " SELECT d.* FROM " + t.name() + "_sum d WHERE NOT EXISTS (SELECT 1 FROM " + t.name() + " y WHERE "
                + same + ")");
        st.execute("DELETE FROM " + t.name() + " WHERE " + t.count() + " = 0");
        st.execute("DROP TABLE " + t.name() + "_sum");
        st.execute("DROP TABLE " + t.name() + "_delta");
    }

    /** Rebuilds a table from its whole rollup. */
    static String rebuild(Table t) {
        return rebuild(t, "TRUE");
    }

    /** Rebuilds a table from the rows of its source that {@code where} selects (alias s). */
    static String rebuild(Table t, String where) {
        return "INSERT INTO " + t.name() + " " + select(t, 1, where);
    }
}
