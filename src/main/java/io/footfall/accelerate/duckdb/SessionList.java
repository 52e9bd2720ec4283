package io.footfall.accelerate.duckdb;

import io.footfall.query.QueryParams;
import io.footfall.query.SessionPage;
import io.footfall.query.SessionPageSql;
import io.footfall.query.SqlText;
import io.footfall.query.TextSearch;
import io.footfall.query.EventScope;
import io.footfall.config.QueryOptions;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of the sessions active in a range, newest last activity first. As Umami, a row is a session
 * on one hostname (a session seen on two hostnames is listed twice), {@code createdAt} is the last
 * activity, {@code views} counts pageviews and {@code events} custom events; web-vitals rows are left
 * out. {@code search} matches the distinct id, city, browser, OS or device (case-insensitive substring).
 */
public final class SessionList {
    private SessionList() {
    }

    public static SessionPage run(EventStore store, EventScope scope, QueryOptions options) throws SQLException {
        String text = scope.params().search();
        return run(store, scope, options, null, alias -> TextSearch.sessions(scope.dialect(), alias, text));
    }

    /**
     * The list restricted to the sessions {@code sessions} names (the body of an {@code IN (...)}: a {@code SELECT} of
     * session ids, may start with a {@code WITH}; null: every session), with {@code search} (alias to its {@code AND ...}
     * condition) applied when the request has a search. The revenue sessions list is this over the paying sessions.
     */
    static SessionPage run(EventStore store, EventScope scope, QueryOptions options, SqlText sessions,
                           Function<String, SqlText> search) throws SQLException {
        QueryParams p = scope.params();
        SqlText where = scope.where(EventScope.ACTIVITY);
        if (p.search() != null) where.addAll(search.apply("e"));
        // First the page's keys, ranked by last activity, and the number of all keys; then the columns: from
        // the session rollup for known sessions (their counts inside the range from events when the range
        // cuts them), from their events, over just their time span, for the others. Aggregating every column
        // for every session in the range, to keep 20 of them, costs ten times more.
        SqlText keys = SpanRollup.covers(p) ? rollupKeys(store, scope, options, sessions, search) : new SqlText().add("SELECT e.session_id, e.hostname, "
                + "min(e.created_at) AS first_at, max(e.created_at) AS last_at, false AS whole, false AS known" + NO_COLUMNS + " FROM event e")
                .addAll(where).addAll(among("e", sessions)).add(" GROUP BY e.session_id, e.hostname");
        return store.read(c -> {
            PageKeys ranked = PageKeys.read(c, scope.dialect(), keys, p, p.search() != null, options.maxRankedKeys());
            List<Key> pageKeys = ranked.list(c, rs -> new Key(Sql.uuid(rs, "session_id"), rs.getString("hostname"),
                    Sql.instant(rs, "first_at"), Sql.instant(rs, "last_at"), rs.getBoolean("known") ? SessionPageSql.row(scope, rs) : null,
                    rs.getBoolean("whole")));
            return new SessionPage(details(c, scope, where, pageKeys), ranked.count(), p.page(), p.pageSize());
        });
    }

    /** {@code AND alias.session_id IN (sessions)}; nothing when {@code sessions} is null. */
    private static SqlText among(String alias, SqlText sessions) {
        SqlText s = new SqlText();
        return sessions == null ? s : s.add(" AND " + alias + ".session_id IN (").addAll(sessions).add(")");
    }

    /** The columns a page row shows, as the rollup stores them; NULL for keys read from events. */
    private static final String COLUMNS = ", v.browser, v.os, v.device, v.screen, v.language, v.country, v.region, v.city, "
            + "v.visits, v.pageviews AS views, v.events";
    private static final String NO_COLUMNS = ", NULL".repeat((int) COLUMNS.chars().filter(ch -> ch == ',').count());

    /**
     * A page key; {@code row} holds the rollup's row of a known session (constant attributes, its last
     * activity), complete when {@code whole} (the session lies wholly in the range).
     */
    private record Key(java.util.UUID sessionId, String hostname, java.time.Instant firstAt, java.time.Instant lastAt,
                       Map<String, Object> row, boolean whole) {
    }

    /**
     * Keys {@code (session_id, hostname, first_at, last_at)} from the session rollup: a known session is one
     * row with constant attributes whose last activity lies in the range, so the search and its rank apply
     * to it whole (its first_at only bounds the detail read); checked sessions from events.
     */
    private static SqlText rollupKeys(EventStore store, EventScope scope, QueryOptions options, SqlText sessions,
                                      Function<String, SqlText> search) throws SQLException {
        QueryParams p = scope.params();
        SessionSplit split = SessionSplit.open(store, scope, EventScope.ACTIVITY, SessionSplit.Question.LAST, options);
        SqlText keys = new SqlText().add("SELECT v.session_id, v.hostname, greatest(v.first_at, ?) AS first_at, v.last_at, "
                + "v.first_at >= ? AS whole, true AS known" + COLUMNS + " FROM session_span v",
                p.startAt(), p.startAt()).addAll(split.knownWhere()).addAll(among("v", sessions));
        if (p.search() != null) keys.addAll(search.apply("v"));
        SqlText checked = split.checkedWhere();
        if (checked != null) {
            keys.add(" UNION ALL SELECT e.session_id, e.hostname, min(e.created_at), max(e.created_at), false, false" + NO_COLUMNS
                    + " FROM event e").addAll(checked).addAll(among("e", sessions));
            if (p.search() != null) keys.addAll(search.apply("e"));
            keys.add(" GROUP BY e.session_id, e.hostname");
        }
        return keys;
    }

    /**
     * The page's rows in page order: known sessions wholly in the range as the rollup has them, known sessions
     * the range cuts with their counts inside it, checked sessions aggregated over their rows in scope.
     */
    private static List<Map<String, Object>> details(java.sql.Connection c, EventScope scope, SqlText where, List<Key> keys)
            throws SQLException {
        Map<List<Object>, Map<String, Object>> rows = checkedRows(c, scope, where, keys.stream().filter(k -> k.row() == null).toList());
        List<Key> cut = keys.stream().filter(k -> k.row() != null && !k.whole()).toList();
        Map<java.util.UUID, CutSessionCounts.Counts> counts = cut.isEmpty() ? Map.of()
                : CutSessionCounts.read(c, where, scope.params().startAt(), cut.stream().map(Key::lastAt).max(java.util.Comparator.naturalOrder()).get(),
                cut.stream().map(Key::sessionId).toList());
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Key k : keys) {
            Map<String, Object> m;
            if (k.row() == null) m = rows.get(java.util.Arrays.asList(k.sessionId(), k.hostname()));
            else if (k.whole()) m = k.row();
            else m = counts.containsKey(k.sessionId()) ? CutSessionCounts.apply(k.row(), counts.get(k.sessionId())) : null;
            if (m == null) throw new IllegalStateException("session " + k.sessionId() + " has no rows in its own span");
            out.add(m);
        }
        return out;
    }

    /** Checked sessions' rows, by (session, hostname): every column aggregated over their rows in scope, within their span. */
    private static Map<List<Object>, Map<String, Object>> checkedRows(java.sql.Connection c, EventScope scope, SqlText where, List<Key> open)
            throws SQLException {
        Map<List<Object>, Map<String, Object>> rows = new java.util.HashMap<>();
        if (open.isEmpty()) return rows;
        Dialect d = scope.dialect();
        java.time.Instant from = open.getFirst().firstAt();
        java.time.Instant to = open.getFirst().lastAt();
        java.util.Set<java.util.UUID> ids = new java.util.LinkedHashSet<>();
        for (Key k : open) {
            if (k.firstAt().isBefore(from)) from = k.firstAt();
            if (k.lastAt().isAfter(to)) to = k.lastAt();
            ids.add(k.sessionId());
        }
        SqlText sql = new SqlText().add("SELECT " + SessionPageSql.rowColumns(d) + " FROM event e")
                .addAll(where)
                .add(" AND e.created_at BETWEEN ? AND ? AND e.session_id IN (", from, to);
        int i = 0;
        for (java.util.UUID id : ids) sql.add(i++ == 0 ? "?" : ", ?", id);
        sql.add(") GROUP BY e.session_id, e.hostname");
        sql.list(c, rs -> {
            Map<String, Object> m = SessionPageSql.row(scope, rs);
            rows.put(java.util.Arrays.asList(m.get("id"), m.get("hostname")), m);
            return m;
        });
        return rows;
    }
}
