package io.footfall.query;

import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The time of a website's first and last event ({@code {startDate, endDate}}, the dashboard's "all time"),
 * both null when it has none. Events before {@code since} (the website's reset date) do not count.
 */
public final class WebsiteDateRange {
    /** Umami's DEFAULT_RESET_DATE: nothing before it counts. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private WebsiteDateRange() {
    }

    public static Map<String, Object> run(EventStore store, UUID websiteId, Instant since) throws SQLException {
        Instant from = since == null || since.isBefore(EARLIEST) ? EARLIEST : since;
        // The first and the last row in time order, not min/max over every row: DuckDB's top-1 skips the row groups
        // (stored in about time order) that cannot hold them; PostgreSQL reads each end from its index either way.
        String row = "(SELECT created_at FROM event WHERE website_id = ? AND created_at >= ? ORDER BY created_at";
        SqlText sql = new SqlText().add("SELECT " + row + " LIMIT 1), " + row + " DESC LIMIT 1)", websiteId, from, websiteId, from);
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("startDate", Sql.instant(rs, 1));
            m.put("endDate", Sql.instant(rs, 2));
            return m;
        })).getFirst();
    }
}
