package io.footfall.accelerate.duckdb;

import io.footfall.query.SqlText;
import io.footfall.query.QueryParams;
import io.footfall.store.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One page of a key set ranked by {@code last_at DESC, session_id, hostname}, and the size of the set, in one
 * pass over it instead of two. The first pass counts the keys and finds the lowest last activity among the
 * first {@code offset + pageSize} ({@code threshold}); every key ranked on the page or before it has a last
 * activity at or above it, so the page is the same top-N over just those keys. The engine prunes by that
 * bound before it evaluates a search or reads the columns, so the second pass costs little.
 */
record PageKeys(long count, SqlText page) {
    /** The page's keys in rank order. */
    <T> java.util.List<T> list(Connection c, SqlText.RowMapper<T> mapper) throws SQLException {
        return page == null ? java.util.List.of() : page.list(c, mapper);
    }

    /**
     * {@code keys}: a SELECT with at least {@code session_id, hostname, last_at}. {@code costlyKeys}: the keys
     * carry a predicate worth evaluating once (a search); without one, counting and ranking separately
     * costs the same and skips the threshold. Past {@code maxRanked} ranked keys (deep pages) the first pass would
     * keep too many values: then all keys are ranked.
     */
    static PageKeys read(Connection c, Dialect dialect, SqlText keys, QueryParams p, boolean costlyKeys, long maxRanked) throws SQLException {
        long offset = (long) (p.page() - 1) * p.pageSize();
        long ranked = offset + p.pageSize();
        if (!costlyKeys || ranked > maxRanked) {
            long count = new SqlText().add("SELECT count(*) FROM (").addAll(keys).add(") k").list(c, rs -> rs.getLong(1)).getFirst();
            return new PageKeys(count, page(keys, null, p.pageSize(), offset));
        }
        Object[] head = new SqlText().add("SELECT count(*), " + dialect.nthLargest("k.last_at") + " FROM (", ranked).addAll(keys).add(") k")
                .list(c, rs -> new Object[]{rs.getLong(1), io.footfall.store.Sql.instant(rs, 2)}).getFirst();
        long count = (Long) head[0];
        return new PageKeys(count, count <= offset ? null : page(keys, (Instant) head[1], p.pageSize(), offset));
    }

    /** The page's keys in rank order; with a threshold, only keys at or above it are ranked. */
    private static SqlText page(SqlText keys, Instant threshold, int pageSize, long offset) {
        SqlText s = new SqlText().add("SELECT k.* FROM (").addAll(keys).add(") k");
        if (threshold != null) s.add(" WHERE k.last_at >= ?", threshold);
        return s.add(" ORDER BY k.last_at DESC, k.session_id, k.hostname LIMIT ? OFFSET ?", pageSize, offset);
    }
}
