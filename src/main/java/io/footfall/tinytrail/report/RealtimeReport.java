package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/reports/realtime}: the website's events from 30 minutes before {@code now} up to {@code now}, both
 * ends included, straight from the raw {@code event} table, so bots and excluded IPs ({@link EventSource}) never
 * count. Visitors are distinct {@code session_id}s, Footfall's counterpart of TinyTrail's IP hash (website, IP and
 * User-Agent under a rotating salt). Only pageviews and custom events count (rows with a TinyTrail type).
 */
public final class RealtimeReport {
    public static final Duration WINDOW = Duration.ofMinutes(30);
    public static final int TOP_PAGES = 10;

    /** A page and its distinct visitors. */
    public record Page(String path, long visitors) {
    }

    /** A TinyTrail event type and its events. */
    public record TypeCount(String eventType, long count) {
    }

    /** The report: active visitors, the top 10 pages by visitors (ties by path), the events per type (most first, ties by type). */
    public record Activity(long activeVisitors, List<Page> topPages, List<TypeCount> eventsByType) {
    }

    private RealtimeReport() {
    }

    public static Activity run(EventStore store, UUID websiteId, Instant now) throws SQLException {
        SqlText visitors = new SqlText().add("SELECT count(DISTINCT e.session_id)").addAll(window(websiteId, now));
        SqlText pages = new SqlText().add("SELECT coalesce(e.url_path, '') AS path, count(DISTINCT e.session_id) AS n")
                .addAll(window(websiteId, now))
                .add(" AND " + TinyTrailTerms.PAGEVIEW + " GROUP BY 1 ORDER BY n DESC, path LIMIT " + TOP_PAGES);
        String type = TinyTrailEventTypes.typeOf("e");
        SqlText types = new SqlText().add("SELECT " + type + " AS t, count(*) AS n").addAll(window(websiteId, now))
                .add(" GROUP BY 1 ORDER BY n DESC, t");
        return store.read(c -> new Activity(
                visitors.list(c, rs -> rs.getLong(1)).getFirst(),
                pages.list(c, rs -> new Page(rs.getString(1), rs.getLong(2))),
                types.list(c, rs -> new TypeCount(rs.getString(1), rs.getLong(2)))));
    }

    private static SqlText window(UUID websiteId, Instant now) {
        return new SqlText().add(" FROM " + EventSource.table(false) + " e WHERE e.website_id = ? AND e.created_at >= ? "
                + "AND e.created_at <= ? AND " + TinyTrailTerms.ACTIVITY, websiteId, now.minus(WINDOW), now);
    }
}
