package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;
import io.footfall.store.FoldingStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The funnel without filters from {@code funnel_row} (V39, {@link FunnelRows}): the same level-by-level matching as
 * {@link FunnelMatch}, on session numbers and epoch microseconds. A step's rows are those of its items (the item
 * texts matching its condition, looked up first) plus the tail's matching events, whose sessions take their
 * numbers, or new ones above the website's last. Each level's sessions form a bit string (one bit per session
 * number): its bit count is the level's count (several times cheaper than a distinct count over step 1's rows),
 * and a bit test keeps the next step's rows to the level's sessions before the join. Run under {@link EventStore#readTogether}: the
 * item numbers are read before the answer's statement.
 */
public final class FunnelRollup {
    private static final String ITEMS = "(SELECT id, CASE WHEN kind = 1 THEN value END AS url_path, CASE WHEN kind = 2 THEN value END AS event_name FROM funnel_item)";

    private FunnelRollup() {
    }

    /**
     * The visitors of levels 1 to {@code conditions.size()}, in order.
     *
     * @param conditions each step's match over the alias it is given (on {@code url_path} or {@code event_name})
     * @param reportable the rows a report reads, over alias {@code e}; the rollup holds those of types 1 to 4
     */
    public static List<Long> counts(EventStore store, EventScope scope, List<Function<String, SqlText>> conditions, long windowSeconds,
                                    String reportable) throws SQLException {
        boolean tail = FoldingStore.hasTail(store, scope.websiteId());
        SqlText items = new SqlText();
        for (int k = 0; k < conditions.size(); k++) {
            items.add((k == 0 ? "" : " UNION ALL ") + "SELECT " + k + ", i.id FROM " + ITEMS + " i WHERE ").addAll(conditions.get(k).apply("i"));
        }
        // one snapshot: the tail's sessions counted here are those of its batches up to the last one seen here
        SqlText sizes = new SqlText().add("SELECT coalesce((SELECT max(num) FROM funnel_session WHERE website_id = ?), 0), "
                + (tail ? "(SELECT count(DISTINCT session_id) FROM " + Rollups.TAIL + " WHERE website_id = ?), "
                + "(SELECT greatest(folded_seq, (SELECT max(ingest_seq) FROM " + Rollups.TAIL + ")) FROM rollup_state)" : "0, 0"), scope.websiteId());
        if (tail) sizes.add("", scope.websiteId());
        return store.read(c -> {
            List<List<Integer>> ids = new ArrayList<>();
            for (int k = 0; k < conditions.size(); k++) ids.add(new ArrayList<>());
            items.list(c, rs -> ids.get(rs.getInt(1)).add(rs.getInt(2)));
            long[] seen = sizes.list(c, rs -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).getFirst();
            return query(scope, conditions, ids, seen[0], seen[0] + seen[1], tail ? seen[2] : 0, windowSeconds, reportable)
                    .list(c, rs -> rs.getLong(2));
        });
    }

    private static SqlText query(EventScope scope, List<Function<String, SqlText>> conditions, List<List<Integer>> ids, long lastNumber,
                                 long maxNumber, long lastSeq, long windowSeconds, String reportable) {
        boolean tail = lastSeq > 0;
        var p = scope.params();
        long from = micros(p.startAt());
        long to = micros(p.endAt());
        long bits = Math.max(1, maxNumber);
        SqlText sql = new SqlText().add("WITH ");
        if (tail) {
            sql.add("tn AS MATERIALIZED (SELECT t.session_id, coalesce(f.num, " + lastNumber + " + dense_rank() OVER (ORDER BY t.session_id)) AS num "
                    + "FROM (SELECT DISTINCT session_id FROM " + Rollups.TAIL + " WHERE website_id = ? AND ingest_seq <= " + lastSeq + ") t "
                    + "LEFT JOIN funnel_session f ON f.website_id = ? AND f.session_id = t.session_id), ", scope.websiteId(), scope.websiteId());
        }
        for (int k = 1; k <= conditions.size(); k++) {
            List<Integer> stepIds = ids.get(k - 1);
            String itemIn = stepIds.isEmpty() ? "FALSE"
                    : "r.item IN (" + stepIds.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
            // least(): numbers above the ones counted only come from a fold meanwhile, whose answer readTogether discards
            sql.add("s" + k + " AS (SELECT least(r.session, " + bits + ")::INTEGER AS s, r.at_us AS t FROM funnel_row r WHERE r.website_id = ? AND " + itemIn
                    + " AND r.at_us BETWEEN " + from + " AND " + to, scope.websiteId());
            if (tail) {
                sql.add(" UNION ALL SELECT least(tn.num, " + bits + ")::INTEGER, epoch_us(e.created_at) FROM " + Rollups.TAIL + " e JOIN tn ON tn.session_id = e.session_id"
                                + " WHERE e.website_id = ? AND e.ingest_seq <= " + lastSeq + " AND e.created_at BETWEEN ? AND ? AND " + reportable + " AND ",
                        scope.websiteId(), p.startAt(), p.endAt()).addAll(conditions.get(k - 1).apply("e"));
            }
            sql.add("), ");
            if (k == 1) {
                sql.add("l1 AS (SELECT s, t FROM s1)");
            } else {
                // only step k's rows of sessions in the previous level can match (a cheap bit test per row)
                sql.add("l" + k + " AS MATERIALIZED (SELECT DISTINCT y.s, y.t FROM l" + (k - 1) + " x"
                        + " JOIN (SELECT s, t FROM s" + k + " WHERE get_bit((SELECT b FROM b" + (k - 1) + "), s - 1) = 1) y"
                        + " ON y.s = x.s AND y.t >= x.t AND y.t <= x.t + " + windowSeconds * 1_000_000L + ")");
            }
            sql.add(", b" + k + " AS MATERIALIZED (SELECT bitstring_agg(s, 1, " + bits + ") AS b FROM l" + k + ")");
            sql.add(k < conditions.size() ? ", " : "");
        }
        for (int k = 1; k <= conditions.size(); k++) {
            sql.add((k == 1 ? " " : " UNION ALL ") + "SELECT " + k + " AS level, coalesce(bit_count(b), 0) AS visitors FROM b" + k);
        }
        return sql.add(" ORDER BY level");
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }
}
