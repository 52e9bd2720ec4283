package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;

/**
 * {@code /api/v1/reports/flow}: visits per landing page (entries) and per exit page (exits), most first (ties
 * by path), each list paginated alike. With a content group: the landing and exit pages on its paths.
 */
public final class FlowReport {
    public record Row(String path, long count) {
    }

    private FlowReport() {
    }

    public static List<Row> landingPages(EventStore store, ReportScope scope, Paging paging) throws SQLException {
        return pages(store, scope, paging, true);
    }

    public static List<Row> exitPages(EventStore store, ReportScope scope, Paging paging) throws SQLException {
        return pages(store, scope, paging, false);
    }

    private static List<Row> pages(EventStore store, ReportScope scope, Paging paging, boolean landing) throws SQLException {
        SqlText visits = landing ? ReportSql.landings(scope, "url_path") : ReportSql.exits(scope, "url_path");
        SqlText sql = new SqlText().add("SELECT coalesce(e.url_path, '') AS path, count(*) FROM (").addAll(visits)
                .add(") e WHERE 1 = 1").addAll(scope.pathInGroup("e"));
        sql.add(" GROUP BY 1 ORDER BY 2 DESC, 1").addAll(ReportSql.page(paging));
        return ReportSql.list(store, sql, rs -> new Row(rs.getString(1), rs.getLong(2)));
    }
}
