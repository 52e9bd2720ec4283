package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.function.Function;

/**
 * The retention report's active days from the per-visit rollup ({@link VisitRollup}; DuckDB, no filters). A known
 * visit shorter than {@link #LONG_VISIT_HOURS} spans at most two local days, even across a DST change, and its first
 * and last rows are active on exactly those: its session is active on the local days of its row's {@code first_at}
 * and {@code last_at} and on no other day through this visit. Checked visits (and longer ones) give their rows' days.
 */
public final class RetentionRollup {
    /** Visits at least this long are read from events. */
    static final int LONG_VISIT_HOURS = 20;

    private RetentionRollup() {
    }

    /**
     * {@code WITH ..., active AS (session_id, day)}: the distinct sessions and local days with activity in the range;
     * {@code day} turns a UTC timestamp column into the request's local day. Run under {@link EventStore#readTogether}.
     */
    public static SqlText active(EventStore store, EventScope scope, Function<String, SqlText> day) throws SQLException {
        VisitRollup visits = VisitRollup.measure(store, scope, LONG_VISIT_HOURS);
        return new SqlText().add("WITH ").addAll(visits.pendingCte()).add(", active AS (SELECT DISTINCT session_id, day FROM ("
                        + "SELECT v.session_id, unnest([").addAll(day.apply("v.first_at")).add(", ").addAll(day.apply("v.last_at"))
                .add("]) AS day FROM visit_journey v WHERE 1 = 1").addAll(visits.known("v"))
                .add(" UNION ALL SELECT c.session_id, ").addAll(day.apply("c.created_at")).add(" AS day FROM (")
                .addAll(visits.checkedRows("e.session_id, e.created_at", "SELECT NULL::UUID AS session_id, NULL::TIMESTAMP AS created_at WHERE false"))
                .add(") c) d)");
    }
}
