package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;

/**
 * {@code /api/v1/reports/custom-events}: custom events by name, most frequent first (ties by name). Custom events
 * are the rows TinyTrail calls {@code custom} ({@link TinyTrailEventTypes#custom}): {@code custom} events sent to
 * {@code /api/v1/collect} (named by {@code properties.name}, else "custom") and the Umami tracker's named events,
 * not the automatic {@code scroll_*}, {@code close_tab} and {@code outbound_link}, which have types of their own.
 * With a content group: the events on its paths.
 */
public final class CustomEventsReport {
    public record Row(String name, long count) {
    }

    private CustomEventsReport() {
    }

    /** One page of rows; only the event named {@code eventName} (exactly) when it is not null. */
    public static List<Row> rows(EventStore store, ReportScope scope, String eventName, Paging paging) throws SQLException {
        SqlText sql = new SqlText().add("SELECT e.event_name, count(*) AS n")
                .addAll(scope.fromInGroup("e", TinyTrailEventTypes.custom("e"))).add(" AND e.event_name IS NOT NULL");
        if (eventName != null) sql.add(" AND e.event_name = ?", eventName);
        sql.add(" GROUP BY e.event_name ORDER BY n DESC, e.event_name").addAll(ReportSql.page(paging));
        return ReportSql.list(store, sql, rs -> new Row(rs.getString(1), rs.getLong(2)));
    }
}
