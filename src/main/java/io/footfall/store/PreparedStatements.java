package io.footfall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per connection and reused by their text. Planning a statistics query (parse,
 * bind, optimise some dozen unions) costs about as much as running it over a week of data: measured on
 * the query bench, 8-10 ms per statement prepared each time against 4-5 ms executing a kept one. A
 * connection is used by one thread at a time (borrowed from its pool), so its own map needs no lock;
 * the least recently used statement beyond {@link #PER_CONNECTION} is closed.
 * <p>
 * Statements with a list of values as placeholders ({@code IN (?, ?, ...)} over the sessions a reader
 * checks) are kept apart, only the {@link #LISTS_PER_CONNECTION} most recently used per connection and only
 * up to {@link #LIST_CHARS_PER_CONNECTION} characters of their text: their text changes with the list's
 * length, so they are reused only while the same request repeats, and a prepared one holds native memory
 * in proportion to its plan (measured: 2.6 MiB for an 11 KB text with a few hundred session ids, against
 * 0.16 MiB for a 2 KB one; planning the former took 150 ms on a busy machine). Kept with the others, they
 * filled the cache and grew the server's RSS by ~15 MiB a minute under steady traffic. Kept four per
 * connection, the long ones (up to 3,300 placeholders, 11 KB, under a 30-minute soak: the lists grow with
 * the sessions in the range) held tens of MiB that were almost never reused (67 distinct texts in 85
 * executions): a list statement longer than the budget is prepared for one use and closed by {@link #release}.
 */
public final class PreparedStatements {
    static final int PER_CONNECTION = 128;
    static final int LISTS_PER_CONNECTION = 4;
    /** List statements kept per connection hold at most this much text (a few hundred KiB of plans). */
    static final int LIST_CHARS_PER_CONNECTION = 4096;
    /** Eight placeholders in a row, comma-separated: a list of values whose length varies by request. */
    private static final java.util.regex.Pattern VALUE_LIST = java.util.regex.Pattern.compile("\\?(\\s*,\\s*\\?){7}");

    private static final Map<Connection, Map<String, PreparedStatement>> CACHES = new WeakHashMap<>();
    private static final Map<Connection, Map<String, PreparedStatement>> LIST_CACHES = new WeakHashMap<>();

    private PreparedStatements() {
    }

    /**
     * The statement for {@code sql} on {@code c}, prepared once when it is kept; callers close its result sets and
     * then hand it to {@link #release}, which closes it unless it is kept.
     */
    public static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        boolean list = VALUE_LIST.matcher(sql).find();
        Map<String, PreparedStatement> cache = list ? cacheOf(LIST_CACHES, c, LISTS_PER_CONNECTION, LIST_CHARS_PER_CONNECTION)
                : cacheOf(CACHES, c, PER_CONNECTION, Long.MAX_VALUE);
        PreparedStatement ps = cache.get(sql);
        if (ps != null && !ps.isClosed()) {
            ps.clearParameters();
            return ps;
        }
        ps = c.prepareStatement(sql);
        if (!list || sql.length() <= LIST_CHARS_PER_CONNECTION) cache.put(sql, ps);
        return ps;
    }

    /** After use: closes {@code ps} unless it is the statement kept for {@code sql} on {@code c}. */
    public static void release(Connection c, String sql, PreparedStatement ps) throws SQLException {
        if (ps == null) return;
        boolean list = VALUE_LIST.matcher(sql).find();
        Map<String, PreparedStatement> cache = list ? cacheOf(LIST_CACHES, c, LISTS_PER_CONNECTION, LIST_CHARS_PER_CONNECTION)
                : cacheOf(CACHES, c, PER_CONNECTION, Long.MAX_VALUE);
        if (cache.get(sql) != ps) ps.close();
    }

    /** Drops a statement that failed, so a broken one is prepared afresh next time. */
    public static void discard(Connection c, String sql) {
        PreparedStatement ps = cacheOf(CACHES, c, PER_CONNECTION, Long.MAX_VALUE).remove(sql);
        if (ps == null) ps = cacheOf(LIST_CACHES, c, LISTS_PER_CONNECTION, LIST_CHARS_PER_CONNECTION).remove(sql);
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // already unusable
            }
        }
    }

    private static Map<String, PreparedStatement> cacheOf(Map<Connection, Map<String, PreparedStatement>> caches, Connection c,
                                                          int limit, long charLimit) {
        synchronized (caches) {
            return caches.computeIfAbsent(c, k -> new Kept(limit, charLimit));
        }
    }

    /** Least recently used first; closes what it drops to stay within a count of statements and of text characters. */
    private static final class Kept extends LinkedHashMap<String, PreparedStatement> {
        private final int limit;
        private final long charLimit;
        private long chars;

        Kept(int limit, long charLimit) {
            super(16, 0.75f, true);
            this.limit = limit;
            this.charLimit = charLimit;
        }

        @Override
        public PreparedStatement put(String sql, PreparedStatement ps) {
            PreparedStatement old = super.put(sql, ps);
            if (old == null) chars += sql.length();
            var it = entrySet().iterator();
            while ((size() > limit || chars > charLimit) && it.hasNext()) {
                var eldest = it.next();
                if (eldest.getValue() == ps) continue;
                close(eldest.getValue());
                chars -= eldest.getKey().length();
                it.remove();
            }
            return old;
        }

        @Override
        public PreparedStatement remove(Object sql) {
            PreparedStatement ps = super.remove(sql);
            if (ps != null) chars -= ((String) sql).length();
            return ps;
        }

        private static void close(PreparedStatement ps) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // dropped either way
            }
        }
    }
}
