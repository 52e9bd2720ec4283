package io.footfall;

import io.footfall.query.AcceleratedAnalytics;
import io.footfall.query.Analytics;
import io.footfall.query.reference.ReferenceAnalytics;
import io.footfall.store.EventStore;

/**
 * Which implementation of the query seam answers the HTTP reads: DuckDB's accelerator unless
 * {@code QUERY_PATH=reference}; every other backend the reference (it has no rollups).
 */
final class AnalyticsChoice {
    private AnalyticsChoice() {
    }

    static Analytics of(String queryPath, EventStore store) {
        boolean accelerated = "accelerated".equals(queryPath) && "duckdb".equals(store.dialect().name());
        return accelerated ? new AcceleratedAnalytics(store) : new ReferenceAnalytics(store);
    }
}
