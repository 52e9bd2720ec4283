package io.footfall.report;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;

/** The breakdown from a backend's rollups ({@link ReportAccelerator#breakdown}). */
@FunctionalInterface
public interface BreakdownPieces {
    /** The statement of the report's rows for these event columns. */
    SqlText query(EventStore store, EventScope scope, List<String> columns) throws SQLException;
}
