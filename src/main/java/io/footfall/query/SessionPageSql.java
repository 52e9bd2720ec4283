package io.footfall.query;

import io.footfall.accelerate.duckdb.SessionList;

/**
 * The SQL of one page of (session, hostname) groups read from events, newest last activity first, as the sessions
 * list and the revenue sessions list show them. First the page's groups by last activity (with the number of all
 * groups), then the columns of just those sessions: computing every column of every group in the range to keep one
 * page cost seconds on 90 days.
 */
public final class SessionPageSql {
    private SessionPageSql() {
    }

    /**
     * The page's rows ({@link SessionList#rowColumns} plus {@code total}, the number of all groups). {@code where}
     * chooses the rows counted; {@code groups} ({@code AND …}, may be empty) further chooses which groups are listed.
     */
    public static SqlText page(EventScope scope, SqlText where, SqlText groups) {
        QueryParams p = scope.params();
        return new SqlText().add("WITH k AS " + scope.dialect().materialized() + "(SELECT e.session_id, e.hostname,"
                        + " max(e.created_at) AS last_at, count(*) OVER () AS total FROM event e").addAll(where).addAll(groups)
                .add(" GROUP BY e.session_id, e.hostname ORDER BY last_at DESC, e.session_id, e.hostname LIMIT ? OFFSET ?)",
                        p.pageSize(), (long) (p.page() - 1) * p.pageSize())
                .add(" SELECT r.*, k.total FROM (SELECT " + SessionList.rowColumns(scope.dialect()) + " FROM event e").addAll(where)
                .add(" AND e.session_id IN (SELECT session_id FROM k) GROUP BY e.session_id, e.hostname) r"
                        + " JOIN k ON k.session_id = r.session_id AND (k.hostname = r.hostname OR (k.hostname IS NULL AND r.hostname IS NULL))"
                        + " ORDER BY k.last_at DESC, k.session_id, k.hostname");
    }

    /** The number of groups, for a page past the end (its rows carry no total). */
    public static SqlText count(SqlText where, SqlText groups) {
        return new SqlText().add("SELECT count(*) FROM (SELECT e.session_id FROM event e").addAll(where).addAll(groups)
                .add(" GROUP BY e.session_id, e.hostname) k");
    }
}
