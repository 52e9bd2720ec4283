package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.config.QueryOptions;
import io.footfall.store.EventStore;

import java.sql.SQLException;

/**
 * Selects the session data rows (alias d) of the sessions active in the scope. Without filters, from the
 * rows themselves: each carries its session's folded span (V18), which proves activity for every known
 * session ({@link SessionSplit}), and only the few checked sessions are looked up in the events. A long range
 * then costs one scan of session_data instead of a semi-join with every session in it (~1 M ids on 90 days).
 * With filters (session attributes the rows do not carry), through {@link SessionCounts#activeSessions}.
 */
final class ActiveSessionData {
    private ActiveSessionData() {
    }

    /** A condition over alias d, to AND into a WHERE on {@code session_data d} for the scope's website. */
    static SqlText condition(EventStore store, EventScope scope, QueryOptions options) throws SQLException {
        if (!scope.params().filters().isEmpty()) {
            return new SqlText().add("d.session_id IN ").addAll(SessionCounts.activeSessions(store, scope, options));
        }
        SessionSplit split = SessionSplit.open(store, scope, EventScope.ACTIVITY, SessionSplit.Question.PRESENT, options);
        SqlText s = new SqlText().add("(").addAll(split.spanInRangeCondition());
        SqlText checked = split.checkedWhere();
        if (checked != null) s.add(" OR d.session_id IN (SELECT e.session_id FROM event e").addAll(checked).add(")");
        return s.add(")");
    }
}
