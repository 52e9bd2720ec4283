package io.footfall.report;

import io.footfall.query.EventScope;

import java.util.List;
import java.util.Optional;

/**
 * The parts of the reports a backend's rollups can answer faster, passed in by the composition root (DuckDB:
 * {@code io.footfall.accelerate.duckdb.DuckDbReportAccelerator}; elsewhere {@link #PLAIN}), so this package never
 * names an accelerator. Each report asks for its pieces for a request: present when the rollups cover it, empty when
 * the report must read events. The pieces are SQL (CTEs or whole statements) spliced into the report's own, and must
 * answer as the plain path does. A backend overrides only the reports its rollups answer.
 */
public interface ReportAccelerator {
    /** No rollups: every report reads events only. */
    ReportAccelerator PLAIN = new ReportAccelerator() {
    };

    /** The funnel's pieces where they may be used for {@code scope}. */
    default Optional<FunnelPieces> funnel(EventScope scope) {
        return Optional.empty();
    }

    /** The attribution's pieces where they may be used for {@code scope}. */
    default Optional<AttributionPieces> attribution(EventScope scope) {
        return Optional.empty();
    }

    /** The payment rollup's pieces (the revenue report's, and the attribution's payments) where they may be used for {@code scope}. */
    default Optional<RevenuePieces> revenue(EventScope scope) {
        return Optional.empty();
    }

    /** The journey's statement where it may be used for {@code scope}. */
    default Optional<JourneyPieces> journey(EventScope scope) {
        return Optional.empty();
    }

    /** The breakdown's statement where it may be used for {@code scope} and these event columns. */
    default Optional<BreakdownPieces> breakdown(EventScope scope, List<String> columns) {
        return Optional.empty();
    }

    /** The retention's statement where it may be used for {@code scope}. */
    default Optional<RetentionPieces> retention(EventScope scope) {
        return Optional.empty();
    }
}
