package io.footfall.accelerate.postgres;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The writer of {@code value_day} (V29): per website, {@link PickerKind kind}, UTC day and value, the events carrying it.
 * A batch is counted per (website, kind, day, value) here and added with one upsert in the batch's transaction; a re-ship
 * takes the re-shipped events' counts out before they are deleted (the append that follows adds them back).
 */
final class PickerValueRows {
    static final List<String> TABLES = List.of("value_day");
    private static final String UPSERT = "INSERT INTO value_day AS v (website_id, kind, day, value, n) "
            + "SELECT * FROM unnest(?::uuid[], ?::int2[], ?::date[], ?::text[], ?::int8[]) "
            + "ON CONFLICT (website_id, kind, day, value) DO UPDATE SET n = v.n + excluded.n";
    /** The counts of the events whose ids are the parameter, per row key. */
    private static final String COUNTS_OF = "SELECT e.website_id, k.kind, e.created_at::date AS day, k.value, count(*) AS n FROM event e "
            + "CROSS JOIN LATERAL (VALUES " + PickerKind.valuesList() + ") AS k(kind, value) WHERE e.event_id = ANY (?) AND k.value <> '' "
            + "GROUP BY 1, 2, 3, 4";

    private PickerValueRows() {
    }

    private record Key(UUID website, short kind, LocalDate day, String value) {
    }

    /** Adds a batch's events (called inside the batch's transaction, after they are written to {@code event}). */
    static void add(Connection c, List<CollectedHit> hits) throws SQLException {
        Map<Key, long[]> counts = new HashMap<>();
        for (CollectedHit hit : hits) {
            if (!hit.ordinaryEvent()) continue;
            Event e = hit.event();
            LocalDate day = LocalDate.ofInstant(e.createdAt(), ZoneOffset.UTC);
            for (PickerKind k : PickerKind.ALL) {
                String v = k.of(e);
                if (v != null) counts.computeIfAbsent(new Key(e.websiteId(), k.code(), day, v), x -> new long[1])[0]++;
            }
        }
        if (counts.isEmpty()) return;
        List<Object> websites = new ArrayList<>(), kinds = new ArrayList<>(), days = new ArrayList<>(), values = new ArrayList<>(),
                ns = new ArrayList<>();
        counts.forEach((key, n) -> {
            websites.add(key.website());
            kinds.add(key.kind());
            days.add(key.day().toString());
            values.add(key.value());
            ns.add(n[0]);
        });
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            SpanRows.bind(c, ps, websites, "uuid", kinds, "int2", days, "text", values, "text", ns, "int8");
            ps.executeUpdate();
        }
    }

    /** Before the events with these ids are deleted (a crash re-ship): their counts taken out, rows left at 0 deleted. */
    static void withoutEvents(Connection c, Array eventIds) throws SQLException {
        String match = " v.website_id = d.website_id AND v.kind = d.kind AND v.day = d.day AND v.value = d.value";
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM value_day v USING (" + COUNTS_OF + ") d WHERE" + match + " AND v.n = d.n");
             PreparedStatement update = c.prepareStatement("UPDATE value_day v SET n = v.n - d.n FROM (" + COUNTS_OF + ") d WHERE" + match)) {
            delete.setArray(1, eventIds);
            delete.executeUpdate();
            update.setArray(1, eventIds);
            update.executeUpdate();
        }
    }

    /** Everything again from the event table (after a bulk load that bypassed this writer); V29's fill is the same. */
    static void rebuildAll(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE value_day");
            st.execute("INSERT INTO value_day (website_id, kind, day, value, n) SELECT e.website_id, k.kind, e.created_at::date, k.value, "
                    + "count(*) FROM event e CROSS JOIN LATERAL (VALUES " + PickerKind.valuesList() + ") AS k(kind, value) "
                    + "WHERE k.value <> '' GROUP BY 1, 2, 3, 4");
        }
    }
}
