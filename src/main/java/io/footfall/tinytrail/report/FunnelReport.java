package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/reports/funnel}: how many sessions went through the steps in order. TinyTrail's session (one IP
 * hash, split after 30 minutes without an event) is Footfall's visit, so sessions are distinct {@code visit_id}s.
 * Step N counts the visits of the period that reached step 1, then step 2 strictly later, ..., then step N
 * strictly later ({@link TinyTrailEventTypes#step} says which rows a step names). Taking each step's earliest
 * time after the previous step's is enough: if any ordered path through the steps exists, the earliest one does.
 * With a content group: the visits that viewed one of its paths.
 */
public final class FunnelReport {
    public static final int MIN_STEPS = 2;
    public static final int MAX_STEPS = 20;

    /** One step: its text, its sessions, and the conversion from the step before in percent. */
    public record Row(String step, long sessions, double conversionRate) {
    }

    private FunnelReport() {
    }

    public static List<Row> rows(EventStore store, ReportScope scope, List<String> steps) throws SQLException {
        SqlText sql = new SqlText().add("WITH ");
        for (int i = 0; i < steps.size(); i++) {
            sql.add("m" + i + " AS (SELECT e.visit_id, e.created_at").addAll(scope.from("e", TinyTrailTerms.ACTIVITY))
                    .add(" AND ").addAll(TinyTrailEventTypes.step("e", steps.get(i))).addAll(scope.visitInGroup("e")).add("), ");
        }
        sql.add("s0 AS (SELECT visit_id, min(created_at) AS t FROM m0 GROUP BY visit_id)");
        for (int i = 1; i < steps.size(); i++) {
            sql.add(", s" + i + " AS (SELECT m.visit_id, min(m.created_at) AS t FROM m" + i + " m JOIN s" + (i - 1)
                    + " p ON p.visit_id = m.visit_id AND m.created_at > p.t GROUP BY m.visit_id)");
        }
        sql.add(" SELECT ");
        for (int i = 0; i < steps.size(); i++) sql.add((i == 0 ? "" : ", ") + "(SELECT count(*) FROM s" + i + ")");
        long[] sessions = ReportSql.list(store, sql, rs -> {
            long[] counts = new long[steps.size()];
            for (int i = 0; i < counts.length; i++) counts[i] = rs.getLong(i + 1);
            return counts;
        }).getFirst();
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(new Row(steps.get(i), sessions[i], i == 0 ? 100.0 : conversion(sessions[i], sessions[i - 1])));
        }
        return out;
    }

    /** {@code sessions / previous * 100} with 2 decimals (half up); 0 when no session reached the previous step. */
    static double conversion(long sessions, long previous) {
        if (previous == 0) return 0.0;
        return BigDecimal.valueOf(sessions * 100).divide(BigDecimal.valueOf(previous), 2, RoundingMode.HALF_UP).doubleValue();
    }
}
