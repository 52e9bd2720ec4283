package io.footfall.report;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;

/** The attribution's touch from a backend's rollups ({@link ReportAccelerator#attribution}). */
public interface AttributionPieces {
    /**
     * The first CTEs (no leading comma), over the step's event rows ({@code stepRows}: a WHERE clause on alias {@code e}):
     * {@code tot (views, sessions, visits)}, the total's row, and with {@code conversions} also {@code conv (session_id, max_dt)}.
     */
    SqlText steps(SqlText stepRows, boolean conversions);

    /** CTEs {@code , ... model ..., touch ...} over the report's {@code conv}, from the visit rollup. */
    SqlText touches(EventStore store, EventScope scope, boolean firstClick) throws SQLException;

    /** First-click: the body of CTE {@code named} over the rollup's touch rows. */
    String firstClickVisitors(List<String> names);
}
