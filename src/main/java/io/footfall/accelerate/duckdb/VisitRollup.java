package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;
import io.footfall.store.FoldingStore;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the reports read from the per-visit rollup ({@code visit_journey}, V35) and what they read from events instead.
 * A visit whose reportable rows all lie in the range and are all folded is one rollup row (<em>known</em>). The
 * others that touch the range are <em>checked</em>: their in-range rows come from the event table, in narrow time
 * windows per class (cut by the range's start, cut by its end, rows not folded yet). The classes are disjoint, so answers over known rows and over checked rows
 * add up.
 *
 * <p>{@link #measure} reads the windows (and the last batch number, so that every later statement sees the same events:
 * rows appended after it are left out); run it and the statements built from it under {@link EventStore#readTogether},
 * which repeats them when a fold committed in between.
 */
public final class VisitRollup {
    /** The rows the reports read (pageviews, custom events, link and pixel hits), without a table alias and over alias {@code e}. */
    static final String ROWS = "event_type IN (1, 2, 3, 4)";
    private static final String REPORTABLE = "e." + ROWS;

    private final EventScope scope;
    private final boolean tail;
    private final Long cutStartEnd;
    private final Long cutEndStart;
    private final Long pendingFrom;
    private final Long pendingTo;
    private final long lastSeq;

    private VisitRollup(EventScope scope, boolean tail, ResultSet rs) throws SQLException {
        this.scope = scope;
        this.tail = tail;
        cutStartEnd = micros(rs, 1);
        cutEndStart = micros(rs, 2);
        pendingFrom = micros(rs, 3);
        pendingTo = micros(rs, 4);
        lastSeq = rs.getLong(5);
    }

    /** Whether the rollup can answer: DuckDB (the only store that keeps it) and no filters (its rows carry none). */
    public static boolean covers(EventScope scope) {
        return scope.dialect().name().equals("duckdb") && scope.params().filters().isEmpty();
    }

    /** Reads the checked classes' windows. */
    public static VisitRollup measure(EventStore store, EventScope scope) throws SQLException {
        boolean tail = FoldingStore.hasTail(store, scope.websiteId());
        var p = scope.params();
        Object site = scope.websiteId();
        SqlText sql = new SqlText();
        // the pending visits' rows: their tail rows and their folded span (rollup)
        if (tail) sql.add("WITH pt AS MATERIALIZED (SELECT visit_id, min(created_at) AS lo, max(created_at) AS hi FROM event_tail "
                + "WHERE website_id = ? AND " + ROWS + " GROUP BY visit_id) ", site);
        sql.add("SELECT (SELECT epoch_us(max(last_at)) FROM visit_journey WHERE website_id = ? AND first_at < ? AND last_at >= ?), "
                        + "(SELECT epoch_us(min(first_at)) FROM visit_journey WHERE website_id = ? AND first_at BETWEEN ? AND ? AND last_at > ?), ",
                site, p.startAt(), p.startAt(), site, p.startAt(), p.endAt(), p.endAt());
        if (tail) {
            sql.add("(SELECT epoch_us(least(min(t.lo), min(v.first_at))) FROM pt t LEFT JOIN visit_journey v ON v.website_id = ? AND v.visit_id = t.visit_id), "
                    + "(SELECT epoch_us(greatest(max(t.hi), max(v.last_at))) FROM pt t LEFT JOIN visit_journey v ON v.website_id = ? AND v.visit_id = t.visit_id), ",
                    site, site);
        } else {
            sql.add("NULL, NULL, ");
        }
        // without a tail the rollups' own batch: rows appended meanwhile stay out of every part of the answer
        sql.add(tail ? "(SELECT greatest(folded_seq, (SELECT max(ingest_seq) FROM event_tail)) FROM rollup_state)" : "(SELECT folded_seq FROM rollup_state)");
        return store.read(c -> sql.list(c, rs -> new VisitRollup(scope, tail, rs)).getFirst());
    }

    private static Long micros(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    /** {@code pend AS MATERIALIZED (...)}: the visits with rows not folded yet (as of the measured batch). */
    public SqlText pendingCte() {
        SqlText sql = new SqlText().add("pend AS MATERIALIZED (");
        if (tail) {
            sql.add("SELECT DISTINCT visit_id FROM event_tail WHERE website_id = ? AND " + ROWS + " AND ingest_seq <= ?", scope.websiteId(), lastSeq);
        } else {
            sql.add("SELECT NULL::UUID AS visit_id WHERE false");
        }
        return sql.add(")");
    }

    /** Over alias {@code e}: only the events of the measured batches (as every part of the answer), starting with {@code " AND "}. */
    public SqlText measuredRows(String e) {
        return new SqlText().add(" AND " + e + ".ingest_seq <= ?", lastSeq);
    }

    /** The known rows of alias {@code v}: conditions starting with {@code " AND "}. */
    public SqlText known(String v) {
        var p = scope.params();
        SqlText sql = new SqlText().add(" AND " + v + ".website_id = ? AND " + v + ".first_at >= ? AND " + v + ".last_at <= ?",
                scope.websiteId(), p.startAt(), p.endAt());
        if (tail) sql.add(" AND " + v + ".visit_id NOT IN (SELECT visit_id FROM pend)");
        return sql;
    }

    /**
     * The in-range reportable rows of the checked visits, as {@code SELECT <columns> FROM event e ...} branches joined
     * by UNION ALL ({@code empty}, a SELECT of the same columns with no rows, when there are none).
     */
    public SqlText checkedRows(String columns, String empty) {
        var p = scope.params();
        Object site = scope.websiteId();
        String notPending = tail ? " AND visit_id NOT IN (SELECT visit_id FROM pend)" : "";
        String from = "SELECT " + columns + " FROM event e WHERE e.website_id = ? AND ";
        String rows = " AND " + REPORTABLE + " AND e.ingest_seq <= ? AND e.visit_id IN (SELECT visit_id FROM visit_journey WHERE website_id = ? AND ";
        SqlText sql = new SqlText();
        boolean any = false;
        if (cutStartEnd != null) {
            sql.add(from + "e.created_at BETWEEN ? AND least(?, make_timestamp(?))" + rows + "first_at < ? AND last_at >= ?" + notPending + ")",
                    site, p.startAt(), p.endAt(), cutStartEnd, lastSeq, site, p.startAt(), p.startAt());
            any = true;
        }
        if (cutEndStart != null) {
            sql.add(any ? " UNION ALL " : "").add(from + "e.created_at BETWEEN greatest(?, make_timestamp(?)) AND ?" + rows
                            + "first_at BETWEEN ? AND ? AND last_at > ?" + notPending + ")",
                    site, p.startAt(), cutEndStart, p.endAt(), lastSeq, site, p.startAt(), p.endAt(), p.endAt());
            any = true;
        }
        if (tail && pendingFrom != null) {
            sql.add(any ? " UNION ALL " : "").add(from + "e.created_at BETWEEN greatest(?, make_timestamp(?)) AND least(?, make_timestamp(?)) AND "
                            + REPORTABLE + " AND e.ingest_seq <= ? AND e.visit_id IN (SELECT visit_id FROM pend)",
                    site, p.startAt(), pendingFrom, p.endAt(), pendingTo, lastSeq);
            any = true;
        }
        return any ? sql : sql.add(empty);
    }
}
