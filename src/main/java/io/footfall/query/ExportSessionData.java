package io.footfall.query;

import io.footfall.store.EventStore;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * The session data written in the range, oldest first, in the columns of Umami's {@code session_data.csv}.
 * Session data carries no page or visitor columns, so only the range narrows it.
 */
public final class ExportSessionData {
    public static final List<String> COLUMNS = List.of("website_id", "session_id", "data_key", "string_value", "number_value",
            "date_value", "data_type", "distinct_id", "created_at", "job_id");
    private static final String SELECT = "SELECT s.website_id, s.session_id, s.data_key, s.string_value, s.number_value, s.date_value, "
            + "s.data_type, s.distinct_id, s.created_at, NULL AS job_id, s.created_at AS k_at, s.session_id AS k_id, s.data_key AS k_key "
            + "FROM session_data s WHERE s.website_id = ? AND s.created_at BETWEEN ? AND ?";

    private ExportSessionData() {
    }

    public static void stream(EventStore store, EventScope scope, int chunkRows, ExportChunks.RowSink sink) throws SQLException, IOException {
        QueryParams p = scope.params();
        ExportChunks.stream(store, p.startAt(), p.endAt(), chunkRows, ExportChunks.single(window -> new SqlText()
                .add(SELECT, scope.websiteId(), p.startAt(), p.endAt()).addAll(window.condition("s.created_at", "s.session_id", "s.data_key"))
                .add(" ORDER BY s.created_at, s.session_id, s.data_key"), 3), sink);
    }
}
