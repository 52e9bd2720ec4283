package io.footfall.report;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** The funnel from a backend's rollups ({@link ReportAccelerator#funnel}). */
public interface FunnelPieces {
    /** The sessions reaching each level, from the rollup (the request has no filters). */
    List<Long> counts(EventStore store, EventScope scope, List<Function<String, SqlText>> conditions, long windowSeconds,
                      String reportable) throws SQLException;

    /** A statement of (level, sessions) rows matching the steps in one pass over the events. */
    SqlText match(EventScope scope, List<Function<String, SqlText>> conditions, long windowSeconds, String reportable);
}
