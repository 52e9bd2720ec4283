package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.report.ReportAccelerator;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** The reports' pieces from DuckDB's rollups (funnel, attribution, revenue, journey, breakdown, retention). */
public final class DuckDbReportAccelerator implements ReportAccelerator {
    /**
     * Funnel: DuckDB matches steps in one pass, always (this accelerator is only chosen for a DuckDB store: other stores get
     * {@code ReportAccelerator.PLAIN}); its rollup has no filter columns (the report asks only without filters).
     */
    @Override
    public boolean coversFunnel(EventScope scope) {
        return true;
    }

    @Override
    public List<Long> funnelCounts(EventStore store, EventScope scope, List<Function<String, SqlText>> conditions, long windowSeconds,
                                   String reportable) throws SQLException {
        return FunnelRollup.counts(store, scope, conditions, windowSeconds, reportable);
    }

    @Override
    public SqlText funnelMatch(EventScope scope, List<Function<String, SqlText>> conditions, long windowSeconds, String reportable) {
        return FunnelMatch.query(scope, conditions, windowSeconds, reportable);
    }

    @Override
    public boolean coversAttribution(EventScope scope) {
        return AttributionRollup.covers(scope);
    }

    @Override
    public SqlText attributionSteps(SqlText stepRows, boolean conversions) {
        return AttributionRollup.steps(stepRows, conversions);
    }

    @Override
    public SqlText attributionTouches(EventStore store, EventScope scope, boolean firstClick) throws SQLException {
        return AttributionRollup.ctes(VisitRollup.measure(store, scope), scope, firstClick);
    }

    @Override
    public String firstClickVisitors(List<String> names) {
        return AttributionRollup.firstClickVisitors(names);
    }

    @Override
    public boolean coversRevenue(EventScope scope) {
        return RevenueRollup.covers(scope);
    }

    @Override
    public SqlText revenuePay(EventStore store, EventScope scope, String currency) throws SQLException {
        return RevenueRollup.pay(store, scope, currency);
    }

    @Override
    public SqlText revenuePayments(EventStore store, EventScope scope, String currency) throws SQLException {
        return RevenueRollup.payments(store, scope, currency);
    }

    @Override
    public SqlText revenueTouch(EventScope scope) {
        return RevenueRollup.touch(scope);
    }

    @Override
    public boolean coversJourney(EventScope scope) {
        return VisitRollup.covers(scope);
    }

    @Override
    public SqlText journey(EventStore store, EventScope scope, int steps, String startStep, String endStep) throws SQLException {
        return JourneyRollup.query(store, scope, steps, startStep, endStep);
    }

    @Override
    public boolean coversBreakdown(EventScope scope, List<String> columns) {
        return BreakdownRollup.covers(scope, columns);
    }

    @Override
    public SqlText breakdown(EventStore store, EventScope scope, List<String> columns) throws SQLException {
        return BreakdownRollup.query(store, scope, columns);
    }

    @Override
    public boolean coversRetention(EventScope scope) {
        return RetentionRollup.covers(scope);
    }

    @Override
    public SqlText retention(EventStore store, EventScope scope, int maxDay) throws SQLException {
        return RetentionRollup.query(store, scope, maxDay);
    }
}
