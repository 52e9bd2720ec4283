package io.footfall.report;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * The parts of the reports a backend's rollups can answer faster, passed in by the composition root (DuckDB:
 * {@code io.footfall.accelerate.duckdb.DuckDbReportAccelerator}; elsewhere {@link #PLAIN}), so this package never
 * names an accelerator. Each {@code covers} question says whether its pieces may be used for a request; the pieces
 * are SQL (CTEs or whole statements) spliced into the report's own, and must answer as the plain path does.
 */
public interface ReportAccelerator {
    /** No rollups: every report reads events only. */
    ReportAccelerator PLAIN = new ReportAccelerator() {
    };

    /** Funnel: whether {@link #funnelCounts} (no filters) and {@link #funnelMatch} may be used. */
    default boolean coversFunnel(EventScope scope) {
        return false;
    }

    /** Funnel: the sessions reaching each level, from the rollup (the request has no filters). */
    default List<Long> funnelCounts(EventStore store, EventScope scope, List<Function<String, SqlText>> conditions, long windowSeconds,
                                    String reportable) throws SQLException {
        throw new UnsupportedOperationException();
    }

    /** Funnel: a statement of (level, sessions) rows matching the steps in one pass over the events. */
    default SqlText funnelMatch(EventScope scope, List<Function<String, SqlText>> conditions, long windowSeconds, String reportable) {
        throw new UnsupportedOperationException();
    }

    /** Attribution: whether {@link #attributionSteps}, {@link #attributionTouches} and {@link #firstClickVisitors} may be used. */
    default boolean coversAttribution(EventScope scope) {
        return false;
    }

    /**
     * Attribution: the first CTEs (no leading comma), over the step's event rows ({@code stepRows}: a WHERE clause on alias
     * {@code e}): {@code tot (views, sessions, visits)}, the total's row, and with {@code conversions} also
     * {@code conv (session_id, max_dt)}.
     */
    default SqlText attributionSteps(SqlText stepRows, boolean conversions) {
        throw new UnsupportedOperationException();
    }

    /** Attribution: CTEs {@code , ... model ..., touch ...} over the report's {@code conv}, from the visit rollup. */
    default SqlText attributionTouches(EventStore store, EventScope scope, boolean firstClick) throws SQLException {
        throw new UnsupportedOperationException();
    }

    /** Attribution, first-click: the body of CTE {@code named} over the rollup's touch rows. */
    default String firstClickVisitors(List<String> names) {
        throw new UnsupportedOperationException();
    }

    /** Revenue and attribution: whether the payment rollup ({@link #revenuePay}, {@link #revenuePayments}, {@link #revenueTouch}) may be used. */
    default boolean coversRevenue(EventScope scope) {
        return false;
    }

    /** Revenue: CTE {@code pay} of the range's payments in {@code currency}. */
    default SqlText revenuePay(EventStore store, EventScope scope, String currency) throws SQLException {
        throw new UnsupportedOperationException();
    }

    /** Attribution with a currency: CTE {@code pay} of the payments, as the plain {@code Payments.cte}. */
    default SqlText revenuePayments(EventStore store, EventScope scope, String currency) throws SQLException {
        throw new UnsupportedOperationException();
    }

    /** Revenue: the CTEs after {@code pay} that the report's answer reads. */
    default SqlText revenueTouch(EventScope scope) {
        throw new UnsupportedOperationException();
    }

    /** Journey: whether {@link #journey} may be used. */
    default boolean coversJourney(EventScope scope) {
        return false;
    }

    /** Journey: the statement of the report's rows. */
    default SqlText journey(EventStore store, EventScope scope, int steps, String startStep, String endStep) throws SQLException {
        throw new UnsupportedOperationException();
    }

    /** Breakdown: whether {@link #breakdown} may be used for these columns. */
    default boolean coversBreakdown(EventScope scope, List<String> columns) {
        return false;
    }

    /** Breakdown: the statement of the report's rows. */
    default SqlText breakdown(EventStore store, EventScope scope, List<String> columns) throws SQLException {
        throw new UnsupportedOperationException();
    }

    /** Retention: whether {@link #retention} may be used. */
    default boolean coversRetention(EventScope scope) {
        return false;
    }

    /** Retention: the statement of the report's rows, days 0 to {@code maxDay}. */
    default SqlText retention(EventStore store, EventScope scope, int maxDay) throws SQLException {
        throw new UnsupportedOperationException();
    }
}
