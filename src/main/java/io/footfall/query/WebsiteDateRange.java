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
        SqlText sql = new SqlText().add("SELECT min(created_at), max(created_at) FROM event WHERE website_id = ? AND created_at >= ?",
                websiteId, since == null || since.isBefore(EARLIEST) ? EARLIEST : since);
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("startDate", Sql.instant(rs, 1));
            m.put("endDate", Sql.instant(rs, 2));
            return m;
        })).getFirst();
    }
}
