package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Views and distinct sessions per time bucket (unit and zone of the request); empty buckets are left out. From the
 * event table here; the DuckDB accelerator hands {@link #read} its hourly rollup's query instead where it covers the request.
 */
public final class PageviewSeries {
    private PageviewSeries() {
    }

    public record Point(String x, long y) {
    }

    public record Series(List<Point> pageviews, List<Point> sessions) {
    }

    public static Series run(EventStore store, EventScope scope) throws SQLException {
        return read(store, scope, new SqlText().add("SELECT b, count(*), count(DISTINCT session_id) FROM (SELECT ")
                .addAll(scope.bucket("e.created_at"))
                .add(" AS b, e.session_id FROM event e")
                .addAll(scope.where(EventScope.VIEWS))
                .add(") t GROUP BY b ORDER BY b"));
    }

    /** The series from a query answering {@code (bucket, views, sessions)} per bucket in order. */
    public static Series read(EventStore store, EventScope scope, SqlText sql) throws SQLException {
        boolean iso = scope.params().isoUtc();
        List<Point> views = new ArrayList<>();
        List<Point> sessions = new ArrayList<>();
        store.read(c -> sql.list(c, rs -> {
            String x = Buckets.read(rs, 1, iso);
            views.add(new Point(x, rs.getLong(2)));
            sessions.add(new Point(x, rs.getLong(3)));
            return null;
        }));
        return new Series(views, sessions);
    }
}
