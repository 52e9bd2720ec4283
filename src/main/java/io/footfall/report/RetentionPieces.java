package io.footfall.report;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;

/** The retention from a backend's rollups ({@link ReportAccelerator#retention}). */
@FunctionalInterface
public interface RetentionPieces {
    /** The statement of the report's rows, days 0 to {@code maxDay}. */
    SqlText query(EventStore store, EventScope scope, int maxDay) throws SQLException;
}
