package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;

/** Runs a report's statement and the SQL pieces several reports share. */
final class ReportSql {
    private ReportSql() {
    }

    static <T> List<T> list(EventStore store, SqlText sql, SqlText.RowMapper<T> mapper) throws SQLException {
        return store.read(c -> sql.list(c, mapper));
    }

    /** {@code LIMIT ? OFFSET ?} for one page of rows. */
    static SqlText page(Paging paging) {
        return new SqlText().add(" LIMIT ? OFFSET ?", paging.perPage(), paging.offset());
    }

    /**
     * Each visit's pageviews numbered from its first ({@code first_n = 1}, its landing pageview) and from its
     * last ({@code last_n = 1}, its exit pageview), with the columns reports group by; ties in time are broken
     * by event id so every engine picks the same row.
     */
    static SqlText numberedPageviews(ReportScope scope) {
        return new SqlText().add("SELECT e.visit_id, e.session_id, coalesce(e.url_path, '') AS path, e.hostname, "
                        + "e.referrer_domain, e.utm_source, e.utm_medium, e.utm_campaign, e.browser, e.os, e.device, e.screen, "
                        + "row_number() OVER (PARTITION BY e.visit_id ORDER BY e.created_at, e.event_id) AS first_n, "
                        + "row_number() OVER (PARTITION BY e.visit_id ORDER BY e.created_at DESC, e.event_id DESC) AS last_n")
                .addAll(scope.from("e", TinyTrailTerms.PAGEVIEW));
    }
}
