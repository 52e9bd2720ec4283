package io.footfall.query;

import io.footfall.store.EventStore;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/** The data rows of the exported events (same range and filters), oldest first, in the columns of Umami's {@code event_data.csv}. */
public final class ExportEventData {
    public static final List<String> COLUMNS = List.of("website_id", "session_id", "event_id", "url_path", "event_name", "data_key",
            "string_value", "number_value", "date_value", "data_type", "created_at", "job_id");
    private static final String SELECT = "SELECT d.website_id, e.session_id, d.event_id, e.url_path, e.event_name, d.data_key, "
            + "d.string_value, d.number_value, d.date_value, d.data_type, d.created_at, NULL AS job_id, "
            + "d.created_at AS k_at, d.event_id AS k_id, d.data_key AS k_key" + EventDataJoin.FROM;

    private ExportEventData() {
    }

    public static void stream(EventStore store, EventScope scope, ExportChunks.RowSink sink) throws SQLException, IOException {
        ExportChunks.stream(store, cursor -> {
            SqlText sql = new SqlText().add(SELECT).addAll(EventDataJoin.where(scope, EventScope.ANY_TYPE));
            if (cursor != null) {
                sql.add(" AND d.created_at >= ? AND (d.created_at > ? OR d.event_id > ? OR (d.event_id = ? AND d.data_key > ?))",
                        cursor[0], cursor[0], cursor[1], cursor[1], cursor[2]);
            }
            return sql.add(" ORDER BY d.created_at, d.event_id, d.data_key");
        }, 3, sink);
    }
}
