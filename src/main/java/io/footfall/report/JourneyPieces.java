package io.footfall.report;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;

/** The journey from a backend's rollups ({@link ReportAccelerator#journey}). */
@FunctionalInterface
public interface JourneyPieces {
    /** The statement of the report's rows. */
    SqlText query(EventStore store, EventScope scope, int steps, String startStep, String endStep) throws SQLException;
}
