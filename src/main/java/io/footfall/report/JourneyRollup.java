package io.footfall.report;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;

/**
 * The journey report from the per-visit rollup ({@code visit_journey}, V35; DuckDB, no filters): a visit whose
 * reportable rows all lie in the range and are all folded is one rollup row, its first items already in order
 * (<em>known</em>). The others that touch the range are <em>checked</em>: numbered from their events as
 * {@link Journey#plain} does, in three narrow time windows (visits cut by the range's start, by its end, and
 * visits with rows not folded yet). Known and checked visits are disjoint, so their sequence counts add up.
 *
 * <p>The known rows are grouped on item numbers; only the groups that can still reach the top 100 once the checked
 * visits are added (at least the 100th largest known count less the number of checked visits) are turned back into
 * texts and merged. A first statement measures the windows (and the last batch number, so that both statements
 * see the same events: rows appended in between are left out of the second); both run under
 * {@link EventStore#readTogether}, which repeats them when a fold committed in between.
 */
final class JourneyRollup {
    /** The rows the journey reads, without a table alias. */
    private static final String ROWS = "event_type IN (1, 2, 3, 4)";

    private JourneyRollup() {
    }

    /** Whether the rollup can answer: DuckDB (the only store that keeps it) and no filters (its rows carry none). */
    static boolean covers(EventScope scope) {
        return scope.dialect().name().equals("duckdb") && scope.params().filters().isEmpty();
    }

    /** Windows of the checked visits (epoch microseconds, null when there are none) and the last batch seen. */
    private record Windows(Long cutStartEnd, Long cutEndStart, Long pendingFrom, Long pendingTo, long lastSeq) {
    }

    static SqlText query(EventStore store, EventScope scope, int steps, String startStep, String endStep) throws SQLException {
        boolean tail = store.hasTail(scope.websiteId());
        Windows w = store.read(c -> windows(scope, tail).list(c, rs -> new Windows(micros(rs, 1), micros(rs, 2), micros(rs, 3),
                micros(rs, 4), rs.getLong(5))).getFirst());
        return answer(scope, tail, w, steps, startStep, endStep);
    }

    private static Long micros(java.sql.ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static SqlText windows(EventScope scope, boolean tail) {
        var p = scope.params();
        Object site = scope.websiteId();
        SqlText sql = new SqlText();
        // the pending visits' rows: their tail rows and their folded span (rollup)
        if (tail) sql.add("WITH pt AS MATERIALIZED (SELECT visit_id, min(created_at) AS lo, max(created_at) AS hi FROM event_tail "
                + "WHERE website_id = ? AND " + ROWS + " GROUP BY visit_id) ", site);
        sql.add("SELECT (SELECT epoch_us(max(last_at)) FROM visit_journey WHERE website_id = ? AND first_at < ? AND last_at >= ?), "
                        + "(SELECT epoch_us(min(first_at)) FROM visit_journey WHERE website_id = ? AND first_at BETWEEN ? AND ? AND last_at > ?), ",
                site, p.startAt(), p.startAt(), site, p.startAt(), p.endAt(), p.endAt());
        // without a tail the rollups' own batch: rows appended meanwhile stay out of every part of the answer
        if (!tail) return sql.add("NULL, NULL, (SELECT folded_seq FROM rollup_state)");
        return sql.add("(SELECT epoch_us(least(min(t.lo), min(v.first_at))) FROM pt t LEFT JOIN visit_journey v ON v.website_id = ? AND v.visit_id = t.visit_id), "
                + "(SELECT epoch_us(greatest(max(t.hi), max(v.last_at))) FROM pt t LEFT JOIN visit_journey v ON v.website_id = ? AND v.visit_id = t.visit_id), "
                + "(SELECT greatest(folded_seq, (SELECT max(ingest_seq) FROM event_tail)) FROM rollup_state)", site, site);
    }

    private static SqlText answer(EventScope scope, boolean tail, Windows w, int steps, String startStep, String endStep) {
        var p = scope.params();
        Object site = scope.websiteId();
        StringBuilder cols = new StringBuilder();
        for (int i = 1; i <= steps; i++) cols.append(i == 1 ? "" : ", ").append("e").append(i);
        SqlText sql = new SqlText().add("WITH pend AS MATERIALIZED (");
        if (tail) {
            sql.add("SELECT DISTINCT visit_id FROM event_tail WHERE website_id = ? AND " + ROWS + " AND ingest_seq <= ?",
                    site, w.lastSeq());
        } else {
            sql.add("SELECT NULL::UUID AS visit_id WHERE false");
        }
        sql.add("), known AS (SELECT " + cols + ", count(*) AS n FROM visit_journey v WHERE v.website_id = ? AND v.first_at >= ? AND v.last_at <= ?",
                site, p.startAt(), p.endAt());
        if (tail) sql.add(" AND v.visit_id NOT IN (SELECT visit_id FROM pend)");
        sql.addAll(ends(steps, startStep, endStep, "(SELECT id FROM journey_item WHERE item = ?)")).add(" GROUP BY " + cols + ")");
        // checked visits' in-range rows, each class in its own window
        sql.add(", rows AS (");
        boolean any = false;
        if (w.cutStartEnd() != null) {
            sql.add("SELECT e.visit_id, e.created_at, e.event_type, e.event_id, " + Journey.item("e") + " AS item FROM event e "
                            + "WHERE e.website_id = ? AND e.created_at BETWEEN ? AND least(?, make_timestamp(?)) AND " + Reports.REPORTABLE
                            + " AND e.ingest_seq <= ? AND e.visit_id IN (SELECT visit_id FROM visit_journey WHERE website_id = ? AND first_at < ? AND last_at >= ?"
                            + (tail ? " AND visit_id NOT IN (SELECT visit_id FROM pend)" : "") + ")",
                    site, p.startAt(), p.endAt(), w.cutStartEnd(), w.lastSeq(), site, p.startAt(), p.startAt());
            any = true;
        }
        if (w.cutEndStart() != null) {
            sql.add(any ? " UNION ALL " : "").add("SELECT e.visit_id, e.created_at, e.event_type, e.event_id, " + Journey.item("e") + " AS item FROM event e "
                            + "WHERE e.website_id = ? AND e.created_at BETWEEN greatest(?, make_timestamp(?)) AND ? AND " + Reports.REPORTABLE
                            + " AND e.ingest_seq <= ? AND e.visit_id IN (SELECT visit_id FROM visit_journey WHERE website_id = ? AND first_at BETWEEN ? AND ? AND last_at > ?"
                            + (tail ? " AND visit_id NOT IN (SELECT visit_id FROM pend)" : "") + ")",
                    site, p.startAt(), w.cutEndStart(), p.endAt(), w.lastSeq(), site, p.startAt(), p.endAt(), p.endAt());
            any = true;
        }
        if (tail && w.pendingFrom() != null) {
            sql.add(any ? " UNION ALL " : "").add("SELECT e.visit_id, e.created_at, e.event_type, e.event_id, " + Journey.item("e") + " AS item FROM event e "
                            + "WHERE e.website_id = ? AND e.created_at BETWEEN greatest(?, make_timestamp(?)) AND least(?, make_timestamp(?)) AND "
                            + Reports.REPORTABLE + " AND e.ingest_seq <= ? AND e.visit_id IN (SELECT visit_id FROM pend)",
                    site, p.startAt(), w.pendingFrom(), p.endAt(), w.pendingTo(), w.lastSeq());
            any = true;
        }
        if (!any) sql.add("SELECT NULL::UUID AS visit_id, NULL::TIMESTAMP AS created_at, NULL::SMALLINT AS event_type, NULL::UUID AS event_id, "
                + "NULL::VARCHAR AS item WHERE false");
        StringBuilder pivots = new StringBuilder();
        for (int i = 1; i <= steps; i++) pivots.append(", max(CASE WHEN n = ").append(i).append(" THEN item END) AS e").append(i);
        sql.add("), numbered AS (SELECT visit_id, item, row_number() OVER (PARTITION BY visit_id ORDER BY created_at, event_type, event_id) AS n FROM rows)"
                + ", sequences AS (SELECT visit_id" + pivots + " FROM numbered WHERE n <= " + steps + " GROUP BY visit_id)"
                + ", checked AS (SELECT " + cols + ", count(*) AS n FROM sequences v WHERE 1 = 1")
                .addAll(ends(steps, startStep, endStep, "?")).add(" GROUP BY " + cols + ")");
        // a known group below this cannot reach the top 100, even if every checked visit joined it
        StringBuilder named = new StringBuilder();
        StringBuilder joins = new StringBuilder();
        for (int i = 1; i <= steps; i++) {
            named.append(i == 1 ? "" : ", ").append("j").append(i).append(".item AS e").append(i);
            joins.append(" LEFT JOIN journey_item j").append(i).append(" ON j").append(i).append(".id = k.e").append(i);
        }
        sql.add(", floor AS (SELECT coalesce((SELECT n FROM known ORDER BY n DESC LIMIT 1 OFFSET 99), 0)"
                + " - (SELECT coalesce(sum(n), 0) FROM checked) AS f)"
                + ", named AS (SELECT " + named + ", k.n FROM known k" + joins + " WHERE k.n >= (SELECT f FROM floor))"
                + " SELECT " + cols + ", sum(n)::BIGINT AS count FROM (SELECT * FROM named UNION ALL SELECT * FROM checked) x"
                + " GROUP BY " + cols + " ORDER BY count DESC, " + cols + " LIMIT 100");
        return sql;
    }

    /** The start and end step conditions over columns {@code e1...} of alias {@code v}, an item given as {@code item} (one parameter). */
    private static SqlText ends(int steps, String startStep, String endStep, String item) {
        SqlText sql = new SqlText();
        if (startStep != null) sql.add(" AND v.e1 = " + item, startStep);
        if (endStep != null) {
            sql.add(" AND (");
            for (int i = 1; i < steps; i++) sql.add("(v.e" + i + " = " + item + " AND v.e" + (i + 1) + " IS NULL) OR ", endStep);
            sql.add("v.e" + steps + " = " + item + ")", endStep);
        }
        return sql;
    }
}
