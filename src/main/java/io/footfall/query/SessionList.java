package io.footfall.query;

import io.footfall.store.Dialect;
import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of the sessions active in a range, newest last activity first. As Umami, a row is a session
 * on one hostname (a session seen on two hostnames is listed twice), {@code createdAt} is the last
 * activity, {@code views} counts pageviews and {@code events} custom events; web-vitals rows are left
 * out. {@code search} matches the distinct id, city, browser, OS or device (case-insensitive substring).
 */
public final class SessionList {
    /** Everything but web-vitals rows. */
    static final String ACTIVITY = "e.event_type <> 5";

    private SessionList() {
    }

    public record Page(List<Map<String, Object>> data, long count, int page, int pageSize) {
    }

    public static Page run(EventStore store, EventScope scope) throws SQLException {
        QueryParams p = scope.params();
        SqlText where = scope.where(ACTIVITY);
        if (p.search() != null) where.addAll(search("e", p.search()));
        // First the page's keys, ranked by last activity, with the number of all keys alongside; then the
        // full columns for just those sessions, over just their time span. Aggregating every column for
        // every session in the range, to keep 20 of them, costs ten times more.
        SqlText keys = SpanRollup.covers(p) ? rollupKeys(store, scope)
                : new SqlText().add("SELECT e.session_id, e.hostname, min(e.created_at) AS first_at, max(e.created_at) AS last_at "
                + "FROM event e").addAll(where).add(" GROUP BY e.session_id, e.hostname");
        SqlText page = new SqlText().add("SELECT k.session_id, k.hostname, k.first_at, k.last_at, count(*) OVER () AS total FROM (")
                .addAll(keys)
                .add(") k ORDER BY k.last_at DESC, k.session_id, k.hostname LIMIT ? OFFSET ?", p.pageSize(), (long) (p.page() - 1) * p.pageSize());
        SqlText count = new SqlText().add("SELECT count(*) FROM (").addAll(keys).add(") k");
        return store.read(c -> {
            long[] total = {-1};
            List<Key> pageKeys = page.list(c, rs -> {
                total[0] = rs.getLong("total");
                return new Key(Sql.uuid(rs, "session_id"), rs.getString("hostname"), Sql.instant(rs, "first_at"), Sql.instant(rs, "last_at"));
            });
            // Past the last page there is no row to carry the total: count on its own.
            if (total[0] < 0) total[0] = p.page() == 1 ? 0 : count.list(c, rs -> rs.getLong(1)).getFirst();
            return new Page(details(c, scope, where, pageKeys), total[0], p.page(), p.pageSize());
        });
    }

    private record Key(java.util.UUID sessionId, String hostname, java.time.Instant firstAt, java.time.Instant lastAt) {
    }

    /** {@code search}: a case-insensitive substring of the distinct id, city, browser, OS or device. */
    private static SqlText search(String alias, String search) {
        String like = "%" + search + "%";
        return new SqlText().add(" AND (" + alias + ".distinct_id ILIKE ? OR " + alias + ".city ILIKE ? OR " + alias + ".browser ILIKE ? OR "
                + alias + ".os ILIKE ? OR " + alias + ".device ILIKE ?)", like, like, like, like, like);
    }

    /**
     * Keys {@code (session_id, hostname, first_at, last_at)} from the session rollup: a known session is one
     * row with constant attributes whose last activity lies in the range, so the search and its rank apply
     * to it whole (its first_at only bounds the detail read); checked sessions from events.
     */
    private static SqlText rollupKeys(EventStore store, EventScope scope) throws SQLException {
        QueryParams p = scope.params();
        SessionSplit split = SessionSplit.open(store, scope, ACTIVITY, SessionSplit.Question.LAST);
        SqlText keys = new SqlText().add("SELECT v.session_id, v.hostname, greatest(v.first_at, ?) AS first_at, v.last_at FROM session_span v",
                p.startAt()).addAll(split.knownWhere());
        if (p.search() != null) keys.addAll(search("v", p.search()));
        SqlText checked = split.checkedWhere();
        if (checked != null) {
            keys.add(" UNION ALL SELECT e.session_id, e.hostname, min(e.created_at), max(e.created_at) FROM event e").addAll(checked);
            if (p.search() != null) keys.addAll(search("e", p.search()));
            keys.add(" GROUP BY e.session_id, e.hostname");
        }
        return keys;
    }

    /** The page's rows in page order, each aggregated over its session's rows in scope. */
    private static List<Map<String, Object>> details(java.sql.Connection c, EventScope scope, SqlText where, List<Key> keys)
            throws SQLException {
        if (keys.isEmpty()) return List.of();
        Dialect d = scope.dialect();
        java.time.Instant from = keys.getFirst().firstAt();
        java.time.Instant to = keys.getFirst().lastAt();
        for (Key k : keys) {
            if (k.firstAt().isBefore(from)) from = k.firstAt();
            if (k.lastAt().isAfter(to)) to = k.lastAt();
        }
        SqlText sql = new SqlText().add("SELECT e.session_id, e.hostname, "
                        + first(d, "browser") + first(d, "os") + first(d, "device") + first(d, "screen")
                        + first(d, "language") + first(d, "country") + first(d, "region") + first(d, "city")
                        + "min(e.created_at) AS first_at, max(e.created_at) AS last_at, count(DISTINCT e.visit_id) AS visits, "
                        + "sum(CASE WHEN e.event_type = 1 THEN 1 ELSE 0 END) AS views, "
                        + "sum(CASE WHEN e.event_type = 2 THEN 1 ELSE 0 END) AS events FROM event e")
                .addAll(where)
                .add(" AND e.created_at BETWEEN ? AND ? AND e.session_id IN (", from, to);
        java.util.Set<java.util.UUID> ids = new java.util.LinkedHashSet<>();
        for (Key k : keys) ids.add(k.sessionId());
        int i = 0;
        for (java.util.UUID id : ids) sql.add(i++ == 0 ? "?" : ", ?", id);
        sql.add(") GROUP BY e.session_id, e.hostname");
        Map<List<Object>, Map<String, Object>> rows = new java.util.HashMap<>();
        sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            java.util.UUID id = Sql.uuid(rs, "session_id");
            m.put("id", id);
            m.put("websiteId", scope.websiteId());
            m.put("hostname", rs.getString("hostname"));
            for (String col : List.of("browser", "os", "device", "screen", "language", "country", "region", "city")) {
                m.put(col, rs.getString(col));
            }
            m.put("firstAt", Sql.instant(rs, "first_at"));
            m.put("lastAt", Sql.instant(rs, "last_at"));
            m.put("visits", rs.getLong("visits"));
            m.put("views", rs.getLong("views"));
            m.put("events", rs.getLong("events"));
            m.put("createdAt", Sql.instant(rs, "last_at"));
            rows.put(java.util.Arrays.asList(id, rs.getString("hostname")), m);
            return m;
        });
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Key k : keys) {
            Map<String, Object> m = rows.get(java.util.Arrays.asList(k.sessionId(), k.hostname()));
            if (m == null) throw new IllegalStateException("session " + k.sessionId() + " has no rows in its own span");
            out.add(m);
        }
        return out;
    }

    /** A session attribute as recorded on the session's first row in the range. */
    private static String first(Dialect d, String column) {
        return d.firstBy("e." + column, "e.created_at") + " AS " + column + ", ";
    }
}
