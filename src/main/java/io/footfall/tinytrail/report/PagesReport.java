package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;

/** {@code /api/v1/reports/pages}: pageviews and unique pageviews per path, most viewed first (ties by path). */
public final class PagesReport {
    public record Row(String path, long pageviews, long uniquePageviews) {
    }

    private PagesReport() {
    }

    public static List<Row> rows(EventStore store, ReportScope scope, Paging paging) throws SQLException {
        SqlText sql = new SqlText().add("SELECT coalesce(e.url_path, '') AS path, count(*), count(DISTINCT e.visit_id)")
                .addAll(scope.fromInGroup("e", TinyTrailTerms.PAGEVIEW))
                .add(" GROUP BY 1 ORDER BY 2 DESC, 1").addAll(ReportSql.page(paging));
        return ReportSql.list(store, sql, rs -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3)));
    }
}
