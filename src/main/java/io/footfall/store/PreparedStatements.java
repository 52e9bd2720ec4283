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
 * checks) are kept apart, only the {@link #LISTS_PER_CONNECTION} most recently used per connection: their
 * text changes with the list's length, so they are reused only while the same request repeats, and a
 * prepared one holds native memory in proportion to its plan (measured: 2.6 MiB for an 11 KB text with a
 * few hundred session ids, against 0.16 MiB for a 2 KB one; planning the former took 150 ms on a busy
 * machine). Kept with the others, they filled the cache and grew the server's RSS by ~15 MiB a minute
 * under steady traffic.
 */
public final class PreparedStatements {
    static final int PER_CONNECTION = 128;
    static final int LISTS_PER_CONNECTION = 4;
    /** Eight placeholders in a row, comma-separated: a list of values whose length varies by request. */
    private static final java.util.regex.Pattern VALUE_LIST = java.util.regex.Pattern.compile("\\?(\\s*,\\s*\\?){7}");

    private static final Map<Connection, Map<String, PreparedStatement>> CACHES = new WeakHashMap<>();
    private static final Map<Connection, Map<String, PreparedStatement>> LIST_CACHES = new WeakHashMap<>();

    private PreparedStatements() {
    }

    /** The statement for {@code sql} on {@code c}, prepared once; callers close its result sets, not the statement. */
    public static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        Map<String, PreparedStatement> cache = VALUE_LIST.matcher(sql).find() ? cacheOf(LIST_CACHES, c, LISTS_PER_CONNECTION)
                : cacheOf(CACHES, c, PER_CONNECTION);
        PreparedStatement ps = cache.get(sql);
        if (ps != null && !ps.isClosed()) {
            ps.clearParameters();
            return ps;
        }
        ps = c.prepareStatement(sql);
        cache.put(sql, ps);
        return ps;
    }

    /** Drops a statement that failed, so a broken one is prepared afresh next time. */
    public static void discard(Connection c, String sql) {
        PreparedStatement ps = cacheOf(CACHES, c, PER_CONNECTION).remove(sql);
        if (ps == null) ps = cacheOf(LIST_CACHES, c, LISTS_PER_CONNECTION).remove(sql);
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // already unusable
            }
        }
    }

    private static Map<String, PreparedStatement> cacheOf(Map<Connection, Map<String, PreparedStatement>> caches, Connection c, int limit) {
        synchronized (caches) {
            return caches.computeIfAbsent(c, k -> new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                    if (size() <= limit) return false;
                    try {
                        eldest.getValue().close();
                    } catch (SQLException ignored) {
                        // evicted either way
                    }
                    return true;
                }
            });
        }
    }
}
