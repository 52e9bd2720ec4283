package io.footfall.store.duckdb;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Day totals kept beside a rollup (V15: {@code visit_day}, {@code session_view_day}): sums over the rollup's
 * rows per UTC day of a time column. A change to rollup rows is bracketed: their contribution is taken out
 * as they were ({@link #contribution} with sign -1), the rows change, their contribution is added as they
 * became (+1), and {@link #commit} applies the difference.
 */
final class DayTotals {
    /**
     * One day-totals table: the rollup it sums, the time column giving the day, the rows it counts, its sum
     * columns with their expressions over alias s, and the column that is zero when a day holds nothing.
     */
    record Table(String name, String source, String dayOf, String rows, String[] columns, String[] sums, String count) {
    }

    static final Table VISITS = new Table("visit_day", "visit", "first_at", "TRUE", new String[]{"views", "visits", "bounces", "secs"},
            new String[]{"sum(s.views)", "count(*)", "count(*) FILTER (WHERE s.views = 1)", "sum((epoch_us(s.last_at) - epoch_us(s.first_at)) // 1000000)"},
            "visits");
    static final Table SESSIONS = new Table("session_view_day", "session_span", "first_view_at", "NOT s.mixed AND s.first_view_at IS NOT NULL",
            new String[]{"sessions"}, new String[]{"count(*)"}, "sessions");

    private DayTotals() {
    }

    /** Starts a change: an empty delta table. */
    static void begin(Statement st, Table t) throws SQLException {
        st.execute("CREATE OR REPLACE TEMP TABLE " + t.name() + "_delta AS SELECT * FROM " + t.name() + " LIMIT 0");
    }

    /** Adds the contribution of the rollup rows {@code where} selects (alias s), times {@code sign}, to the delta. */
    static String contribution(Table t, int sign, String where) {
        StringBuilder sums = new StringBuilder();
        for (String sum : t.sums()) sums.append(", ").append(sign).append(" * ").append(sum);
        return "INSERT INTO " + t.name() + "_delta SELECT s.website_id, date_trunc('day', s." + t.dayOf() + ")" + sums + " FROM "
                + t.source() + " s WHERE " + t.rows() + " AND (" + where + ") GROUP BY 1, 2";
    }

    /** Applies the delta to the day totals; days left with nothing go. */
    static void commit(Statement st, Table t) throws SQLException {
        StringBuilder sums = new StringBuilder();
        StringBuilder set = new StringBuilder();
        for (String col : t.columns()) {
            sums.append(", sum(").append(col).append(") AS ").append(col);
            set.append(set.isEmpty() ? "" : ", ").append(col).append(" = y.").append(col).append(" + d.").append(col);
        }
        String same = "y.website_id = d.website_id AND y.day = d.day";
        st.execute("CREATE OR REPLACE TEMP TABLE " + t.name() + "_sum AS SELECT website_id, day" + sums + " FROM " + t.name() + "_delta GROUP BY 1, 2");
        st.execute("UPDATE " + t.name() + " y SET " + set + " FROM " + t.name() + "_sum d WHERE " + same);
        st.execute("INSERT INTO " + t.name() + " SELECT d.* FROM " + t.name() + "_sum d WHERE NOT EXISTS (SELECT 1 FROM " + t.name() + " y WHERE "
                + same + ")");
        st.execute("DELETE FROM " + t.name() + " WHERE " + t.count() + " = 0");
        st.execute("DROP TABLE " + t.name() + "_sum");
        st.execute("DROP TABLE " + t.name() + "_delta");
    }

    /** Rebuilds a table from its whole rollup. */
    static String rebuild(Table t) {
        return contribution(t, 1, "TRUE").replace("INSERT INTO " + t.name() + "_delta", "INSERT INTO " + t.name());
    }
}
