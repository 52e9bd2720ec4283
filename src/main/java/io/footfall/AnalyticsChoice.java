package io.footfall;

import io.footfall.config.QueryOptions;
import io.footfall.accelerate.duckdb.AcceleratedAnalytics;
import io.footfall.accelerate.duckdb.DuckDbReportAccelerator;
import io.footfall.accelerate.postgres.PostgresAcceleratedAnalytics;
import io.footfall.query.Analytics;
import io.footfall.query.reference.ComparingAnalytics;
import io.footfall.query.reference.ReferenceAnalytics;
import io.footfall.report.ReportAccelerator;
import io.footfall.store.EventStore;

/**
 * Which implementation of the query seam answers the HTTP reads: on DuckDB and PostgreSQL their accelerator,
 * unless {@code QUERY_PATH=reference} (the raw-events reference) or {@code compare} (the accelerator, each answer
 * checked against the reference); every other backend the reference (it has no rollups).
 */
final class AnalyticsChoice {
    private AnalyticsChoice() {
    }

    static Analytics of(String queryPath, QueryOptions options, EventStore store) {
        ReferenceAnalytics reference = new ReferenceAnalytics(store, options);
        Analytics accelerated = switch (store.dialect().name()) {
            case "duckdb" -> new AcceleratedAnalytics(store, options);
            case "postgresql" -> new PostgresAcceleratedAnalytics(store, options);
            default -> null;
        };
        if (accelerated == null) return reference;
        return switch (queryPath) {
            case "reference" -> reference;
            case "compare" -> new ComparingAnalytics(accelerated, reference);
            default -> accelerated;
        };
    }

    /** The reports' rollup pieces: DuckDB's (whatever QUERY_PATH says, as before), none elsewhere (the plain reports). */
    static ReportAccelerator reports(EventStore store) {
        return store.dialect().name().equals("duckdb") ? new DuckDbReportAccelerator() : ReportAccelerator.PLAIN;
    }
}
