package io.footfall.query;

import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The data rows of the exported events (same range and filters), oldest first, in the columns of Umami's
 * {@code event_data.csv}. Each chunk is read from the data rows alone, then their events (for the session,
 * the path and the filters) are looked up by id within the chunk's time span: joining all events of the
 * range for every chunk would cost a scan of the range each time.
 */
public final class ExportEventData {
    public static final List<String> COLUMNS = List.of("website_id", "session_id", "event_id", "url_path", "event_name", "data_key",
            "string_value", "number_value", "date_value", "data_type", "created_at", "job_id");

    private ExportEventData() {
    }

    private static UUID uuid(Object o) {
        return o instanceof UUID u ? u : UUID.fromString(o.toString());
    }

    private record Event(String sessionId, String urlPath, String eventName) {
    }

    public static void stream(EventStore store, EventScope scope, int chunkRows, ExportChunks.RowSink sink) throws SQLException, IOException {
        QueryParams p = scope.params();
        ExportChunks.stream(store, p.startAt(), p.endAt(), chunkRows, (c, window, limit) -> {
            SqlText dataRows = new SqlText().add("SELECT d.event_id, d.data_key, d.string_value, d.number_value, d.date_value, "
                            + "d.data_type, d.created_at FROM event_data d WHERE d.website_id = ? AND d.created_at BETWEEN ? AND ?",
                    scope.websiteId(), p.startAt(), p.endAt())
                    .addAll(window.condition("d.created_at", "d.event_id", "d.data_key"))
                    .add(" ORDER BY d.created_at, d.event_id, d.data_key LIMIT " + limit);
            List<Object[]> raw = dataRows.list(c, ExportChunks::raw);
            if (raw.isEmpty()) return new ExportChunks.Chunk(0, null, List.of());
            Map<UUID, Event> events = events(c, scope, raw);
            List<List<String>> rows = new ArrayList<>(raw.size());
            for (Object[] r : raw) {
                Event e = events.get(uuid(r[0]));
                if (e == null) continue; // its event does not pass the filters
                rows.add(Arrays.asList(scope.websiteId().toString(), e.sessionId(), r[0].toString(), ExportChunks.cell(e.urlPath()),
                        ExportChunks.cell(e.eventName()), ExportChunks.cell(r[1]), ExportChunks.cell(r[2]), ExportChunks.cell(r[3]),
                        ExportChunks.cell(r[4]), ExportChunks.cell(r[5]), ExportChunks.cell(r[6]), null));
            }
            Object[] last = raw.getLast();
            return new ExportChunks.Chunk(raw.size(), new Object[]{last[6], last[0], last[1]}, rows);
        }, sink);
    }

    /**
     * The chunk's events that pass the scope's filters, by id: the events with data in the chunk's time span
     * (one fixed statement, so the prepared-statement cache keeps it, unlike an id list of varying length).
     */
    private static Map<UUID, Event> events(java.sql.Connection c, EventScope scope, List<Object[]> raw) throws SQLException {
        LocalDateTime from = (LocalDateTime) raw.getFirst()[6];
        LocalDateTime to = (LocalDateTime) raw.getLast()[6];
        SqlText sql = new SqlText().add("SELECT e.event_id, e.session_id, e.url_path, e.event_name FROM event e")
                .addAll(scope.where(EventScope.ANY_TYPE))
                .add(" AND e.created_at BETWEEN ? AND ? AND e.event_id IN (SELECT d.event_id FROM event_data d"
                        + " WHERE d.website_id = ? AND d.created_at BETWEEN ? AND ?)", from, to, scope.websiteId(), from, to);
        Map<UUID, Event> out = new HashMap<>();
        sql.list(c, rs -> out.put(Sql.uuid(rs, "event_id"),
                new Event(Sql.uuid(rs, "session_id").toString(), rs.getString("url_path"), rs.getString("event_name"))));
        return out;
    }
}
