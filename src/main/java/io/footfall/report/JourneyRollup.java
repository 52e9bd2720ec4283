package io.footfall.report;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;

/**
 * The journey report from the per-visit rollup ({@link VisitRollup}; DuckDB, no filters): a known visit is one rollup
 * row, its first items already in order; a checked visit is numbered from its events as {@link Journey#plain} does.
 *
 * <p>The known rows are grouped on item numbers; only the groups that can still reach the top 100 once the checked
 * visits are added (at least the 100th largest known count less the number of checked visits) are turned back into
 * texts and merged.
 */
final class JourneyRollup {
    private JourneyRollup() {
    }

    static SqlText query(EventStore store, EventScope scope, int steps, String startStep, String endStep) throws SQLException {
        VisitRollup visits = VisitRollup.measure(store, scope, null);
        StringBuilder cols = new StringBuilder();
        for (int i = 1; i <= steps; i++) cols.append(i == 1 ? "" : ", ").append("e").append(i);
        SqlText sql = new SqlText().add("WITH ").addAll(visits.pendingCte())
                .add(", known AS (SELECT " + cols + ", count(*) AS n FROM visit_journey v WHERE 1 = 1").addAll(visits.known("v"))
                .addAll(ends(steps, startStep, endStep, "(SELECT id FROM journey_item WHERE item = ?)")).add(" GROUP BY " + cols + ")")
                .add(", rows AS (").addAll(visits.checkedRows("e.visit_id, e.created_at, e.event_type, e.event_id, " + Journey.item("e") + " AS item",
                        "SELECT NULL::UUID AS visit_id, NULL::TIMESTAMP AS created_at, NULL::SMALLINT AS event_type, NULL::UUID AS event_id, "
                                + "NULL::VARCHAR AS item WHERE false"));
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
