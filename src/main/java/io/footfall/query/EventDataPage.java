package io.footfall.query;

import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of the events that carry data, newest first, each with all its data rows:
 * {@code {data: [{websiteId, eventId, eventName, eventProperties: [{dataKey, stringValue, numberValue,
 * dateValue, dataType, createdAt}]}], count, page, pageSize}}. Every filter applies; {@code count} is the
 * number of such events. Only a page of events is read back, never all of them.
 */
public final class EventDataPage {
    private EventDataPage() {
    }

    public static Map<String, Object> run(EventStore store, EventScope scope) throws SQLException {
        QueryParams p = scope.params();
        // An event's data rows are numbered from 0 (V17): its row 0 stands for the event.
        SqlText firstRows = EventDataJoin.fromWhere(scope, EventScope.ACTIVITY).add(" AND d.data_index = 0");
        SqlText count = new SqlText().add("SELECT count(*)").addAll(firstRows);
        long offset = (long) (p.page() - 1) * p.pageSize();
        SqlText rows = new SqlText().add("WITH page AS (SELECT d.event_id, d.created_at").addAll(firstRows)
                .add(" ORDER BY d.created_at DESC, d.event_id LIMIT " + p.pageSize() + " OFFSET " + offset + ")"
                        + " SELECT d.event_id, d.event_name, d.data_key, d.string_value, d.number_value, d.date_value, d.data_type,"
                        + " d.created_at FROM event_data d JOIN page ON page.event_id = d.event_id"
                        + " WHERE d.website_id = ? AND d.created_at BETWEEN ? AND ?"
                        + " ORDER BY page.created_at DESC, page.event_id, d.data_index", scope.websiteId(), p.startAt(), p.endAt());
        return store.read(c -> {
            long total = count.list(c, rs -> rs.getLong(1)).getFirst();
            Map<UUID, Map<String, Object>> events = new LinkedHashMap<>();
            rows.list(c, rs -> {
                UUID eventId = Sql.uuid(rs, "event_id");
                Map<String, Object> event = events.computeIfAbsent(eventId, id -> newEvent(scope.websiteId(), id));
                event.putIfAbsent("eventName", rs.getString("event_name"));
                property(event).add(propertyOf(rs));
                return null;
            });
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", new ArrayList<>(events.values()));
            body.put("count", total);
            body.put("page", p.page());
            body.put("pageSize", p.pageSize());
            return body;
        });
    }

    private static Map<String, Object> newEvent(UUID websiteId, UUID eventId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("websiteId", websiteId);
        m.put("eventId", eventId);
        m.put("eventName", null);
        m.put("eventProperties", new ArrayList<Map<String, Object>>());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> property(Map<String, Object> event) {
        return (List<Map<String, Object>>) event.get("eventProperties");
    }

    /** One event_data row's key and value columns, as Umami answers them ({@code dataKey} … {@code createdAt}). */
    static Map<String, Object> propertyOf(java.sql.ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataKey", rs.getString("data_key"));
        m.put("stringValue", rs.getString("string_value"));
        m.put("numberValue", DataValues.decimal(rs.getObject("number_value", BigDecimal.class)));
        m.put("dateValue", Sql.instant(rs, "date_value"));
        m.put("dataType", rs.getInt("data_type"));
        m.put("createdAt", Sql.instant(rs, "created_at"));
        return m;
    }
}
