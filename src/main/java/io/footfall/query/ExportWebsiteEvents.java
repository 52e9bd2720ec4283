package io.footfall.query;

import io.footfall.store.EventStore;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/** Every event row of the range that passes the filters, oldest first, in the columns of Umami's {@code website_event.csv}. */
public final class ExportWebsiteEvents {
    public static final List<String> COLUMNS = List.of("website_id", "session_id", "visit_id", "event_id", "hostname", "browser",
            "os", "device", "screen", "language", "country", "region", "city", "url_path", "url_query", "utm_source", "utm_medium",
            "utm_campaign", "utm_content", "utm_term", "referrer_path", "referrer_query", "referrer_domain", "page_title", "gclid",
            "fbclid", "msclkid", "ttclid", "li_fat_id", "twclid", "lcp", "inp", "cls", "fcp", "ttfb", "event_type", "event_name", "tag",
            "distinct_id", "created_at", "job_id");
    /** Umami's import job id: Footfall has no import jobs, so the column stays empty. */
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS.stream()
            .map(c -> c.equals("job_id") ? "NULL AS job_id" : "e." + c).toList()) + ", e.created_at AS k_at, e.event_id AS k_id FROM event e";

    private ExportWebsiteEvents() {
    }

    public static void stream(EventStore store, EventScope scope, int chunkRows, ExportChunks.RowSink sink) throws SQLException, IOException {
        QueryParams p = scope.params();
        ExportChunks.stream(store, p.startAt(), p.endAt(), chunkRows, ExportChunks.single(window -> new SqlText().add(SELECT)
                .addAll(scope.where(EventScope.ANY_TYPE)).addAll(window.condition("e.created_at", "e.event_id"))
                .add(" ORDER BY e.created_at, e.event_id"), 2), sink);
    }
}
