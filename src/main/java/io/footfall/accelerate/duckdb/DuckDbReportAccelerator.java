package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.report.AttributionPieces;
import io.footfall.report.BreakdownPieces;
import io.footfall.report.FunnelPieces;
import io.footfall.report.JourneyPieces;
import io.footfall.report.ReportAccelerator;
import io.footfall.report.RetentionPieces;
import io.footfall.report.RevenuePieces;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The reports' pieces from DuckDB's rollups (funnel, attribution, revenue, journey, breakdown, retention). */
public final class DuckDbReportAccelerator implements ReportAccelerator {
    private static final FunnelPieces FUNNEL = new FunnelPieces() {
        @Override
        public List<Long> counts(EventStore store, EventScope scope, List<Function<String, SqlText>> conditions, long windowSeconds,
                                 String reportable) throws SQLException {
            return FunnelRollup.counts(store, scope, conditions, windowSeconds, reportable);
        }

        @Override
        public SqlText match(EventScope scope, List<Function<String, SqlText>> conditions, long windowSeconds, String reportable) {
            return FunnelMatch.query(scope, conditions, windowSeconds, reportable);
        }
    };

    private static final AttributionPieces ATTRIBUTION = new AttributionPieces() {
        @Override
        public SqlText steps(SqlText stepRows, boolean conversions) {
            return AttributionRollup.steps(stepRows, conversions);
        }

        @Override
        public SqlText touches(EventStore store, EventScope scope, boolean firstClick) throws SQLException {
            return AttributionRollup.ctes(VisitRollup.measure(store, scope), scope, firstClick);
        }

        @Override
        public String firstClickVisitors(List<String> names) {
            return AttributionRollup.firstClickVisitors(names);
        }
    };

    private static final RevenuePieces REVENUE = new RevenuePieces() {
        @Override
        public SqlText pay(EventStore store, EventScope scope, String currency) throws SQLException {
            return RevenueRollup.pay(store, scope, currency);
        }

        @Override
        public SqlText payments(EventStore store, EventScope scope, String currency) throws SQLException {
            return RevenueRollup.payments(store, scope, currency);
        }

        @Override
        public SqlText touch(EventScope scope) {
            return RevenueRollup.touch(scope);
        }
    };

    private static final JourneyPieces JOURNEY = JourneyRollup::query;
    private static final BreakdownPieces BREAKDOWN = BreakdownRollup::query;
    private static final RetentionPieces RETENTION = RetentionRollup::query;

    /**
     * Funnel: DuckDB matches steps in one pass, always (this accelerator is only chosen for a DuckDB store: other stores get
     * {@code ReportAccelerator.PLAIN}); its rollup has no filter columns (the report asks only without filters).
     */
    @Override
    public Optional<FunnelPieces> funnel(EventScope scope) {
        return Optional.of(FUNNEL);
    }

    @Override
    public Optional<AttributionPieces> attribution(EventScope scope) {
        return where(AttributionRollup.covers(scope), ATTRIBUTION);
    }

    @Override
    public Optional<RevenuePieces> revenue(EventScope scope) {
        return where(RevenueRollup.covers(scope), REVENUE);
    }

    @Override
    public Optional<JourneyPieces> journey(EventScope scope) {
        return where(VisitRollup.covers(scope), JOURNEY);
    }

    @Override
    public Optional<BreakdownPieces> breakdown(EventScope scope, List<String> columns) {
        return where(BreakdownRollup.covers(scope, columns), BREAKDOWN);
    }

    @Override
    public Optional<RetentionPieces> retention(EventScope scope) {
        return where(RetentionRollup.covers(scope), RETENTION);
    }

    /** The pieces where their rollup covers the request, else none (the report reads events). */
    private static <T> Optional<T> where(boolean covers, T pieces) {
        return covers ? Optional.of(pieces) : Optional.empty();
    }
}
