package io.footfall.accelerate.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The writer of {@code session_value_first_day} (V25): per website, kind, UTC day and value, the (session, value) pairs of
 * {@code session_value} / {@code session_value_extra} whose first time falls on that day. {@link SessionValueRows} reports
 * each pair that appears or whose first time moves to another day ({@link #moved}); the batch's changes are summed here and
 * written in one upsert that adds them. A re-ship takes the touched sessions' pairs out before their rows are computed
 * again and puts them back after ({@link #count}).
 */
final class FirstDayRows {
    /** The kinds kept per day: path only, the one whose pairs are many (about one per view after a session's first). */
    static final List<ValueKind> KINDS = List.of(ValueKind.ofType("path"));
    private static final long DAY_MICROS = 86_400_000_000L;

    private final Map<Key, Integer> changes = new HashMap<>();

    private record Key(UUID website, short kind, long day, String value) {
    }

    static boolean kept(ValueKind k) {
        return KINDS.contains(k);
    }

    /** A pair whose first time was {@code before} (null: new pair) and is {@code after} (microseconds). */
    void moved(UUID website, ValueKind kind, String value, Long before, long after) {
        long day = Math.floorDiv(after, DAY_MICROS);
        if (before != null) {
            long old = Math.floorDiv(before, DAY_MICROS);
            if (old == day) return;
            changes.merge(new Key(website, kind.code(), old, value), -1, Integer::sum);
        }
        changes.merge(new Key(website, kind.code(), day, value), 1, Integer::sum);
    }

    /** Writes the summed changes (inside the batch's transaction). */
    void write(Connection c) throws SQLException {
        List<Object> websites = new ArrayList<>(), kinds = new ArrayList<>(), days = new ArrayList<>(), values = new ArrayList<>(),
                counts = new ArrayList<>();
        changes.forEach((k, n) -> {
            if (n == 0) return;
            websites.add(k.website());
            kinds.add(k.kind());
            days.add(LocalDate.ofEpochDay(k.day()).toString());
            values.add(k.value());
            counts.add(n);
        });
        if (websites.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_value_first_day (website_id, kind, day, value, sessions) "
                + "SELECT * FROM unnest(?::uuid[], ?::int2[], ?::date[], ?::text[], ?::int[]) " + ADD)) {
            SpanRows.bind(c, ps, websites, "uuid", kinds, "int2", days, "text", values, "text", counts, "int4");
            ps.executeUpdate();
        }
    }

    private static final String ADD = "ON CONFLICT (website_id, kind, day, value) DO UPDATE "
            + "SET sessions = session_value_first_day.sessions + excluded.sessions";

    /** The kept kinds' pairs of {@code from} (rows {@code v} of session_value, {@code x} of session_value_extra), grouped per day. */
    private static String pairs(String sign, String slotFrom, String extraFrom) {
        StringBuilder sql = new StringBuilder("SELECT r.website_id, r.kind, r.first_at::date, r.value, " + sign + "count(*)::int FROM (");
        for (ValueKind k : KINDS) {
            if (k != KINDS.getFirst()) sql.append(" UNION ALL ");
            sql.append("SELECT v.website_id, ").append(k.code()).append("::int2 AS kind, v.").append(k.column()).append(" AS value, v.")
                    .append(k.column()).append("_first AS first_at").append(slotFrom).append(" AND v.").append(k.column()).append(" IS NOT NULL");
        }
        sql.append(" UNION ALL SELECT x.website_id, x.kind, x.value, x.first_at").append(extraFrom).append(" AND x.kind IN (")
                .append(String.join(", ", KINDS.stream().map(k -> String.valueOf(k.code())).toList())).append(")");
        return sql.append(") r GROUP BY 1, 2, 3, 4").toString();
    }

    /** Everything again from session_value and session_value_extra (after they were rebuilt; the table emptied before). */
    static void fill(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO session_value_first_day (website_id, kind, day, value, sessions) "
                    + pairs("", " FROM session_value v WHERE true", " FROM session_value_extra x WHERE true"));
        }
    }

    /** Adds ({@code sign} 1) or takes out (-1) the pairs of these sessions as their rows now hold them. */
    static void count(Connection c, Set<SpanRows.Key> sessions, int sign) throws SQLException {
        if (sessions.isEmpty()) return;
        String keys = " JOIN unnest(?::uuid[], ?::uuid[]) AS k(w, id) ON ";
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_value_first_day (website_id, kind, day, value, sessions) "
                + pairs(sign < 0 ? "-" : "", " FROM session_value v" + keys + "v.website_id = k.w AND v.session_id = k.id WHERE true",
                " FROM session_value_extra x" + keys + "x.website_id = k.w AND x.session_id = k.id WHERE true") + " " + ADD)) {
            var websites = c.createArrayOf("uuid", sessions.stream().map(SpanRows.Key::website).toArray());
            var ids = c.createArrayOf("uuid", sessions.stream().map(SpanRows.Key::id).toArray());
            int i = 1;
            for (int n = 0; n < KINDS.size() + 1; n++) {
                ps.setArray(i++, websites);
                ps.setArray(i++, ids);
            }
            ps.executeUpdate();
        }
    }
}
