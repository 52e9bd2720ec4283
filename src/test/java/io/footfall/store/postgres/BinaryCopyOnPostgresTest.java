package io.footfall.store.postgres;

import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.DataType;
import io.footfall.event.Event;
import io.footfall.store.Migrations;
import io.footfall.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binary COPY encodings PostgreSQL must read back exactly: numbers of every sign and scale (base-10000 digits),
 * timestamps before 2000 and 1970 to the microsecond, text with NUL and non-ASCII characters, special doubles.
 */
class BinaryCopyOnPostgresTest {
    static PostgresConnections db;
    static PostgresEventStore store;
    final UUID website = UUID.randomUUID();

    @BeforeAll
    static void connect() throws Exception {
        db = PostgresConnections.open(PostgresUrl.parse(PostgresTestDatabase.fresh()), 2);
        Migrations.apply(db, "postgresql");
        store = new PostgresEventStore(db, new io.footfall.accelerate.postgres.PostgresRollupKeeper());
    }

    @AfterAll
    static void disconnect() {
        db.close();
    }

    CollectedHit hit(Instant at, String title, Event.WebVitals vitals, List<DataField> data) {
        UUID session = UUID.randomUUID();
        Event e = new Event(UUID.randomUUID(), website, session, UUID.randomUUID(), at, 2, "buy",
                new Event.Page("example.com", "/", "", title, null), Event.Referrer.NONE, Event.Campaign.NONE,
                new Event.SessionAttributes("chrome", "Linux", "desktop", "1920x1080", "de-DE", "DE", null, null, null), vitals);
        return new CollectedHit(e, data, website, session, null, at, List.of());
    }

    static DataField number(String n) {
        return new DataField("n", DataType.NUMBER, n, new BigDecimal(n), null);
    }

    List<String> column(String sql) throws Exception {
        return store.read(c -> {
            try (var ps = c.prepareStatement(sql)) {
                ps.setObject(1, website);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> out = new ArrayList<>();
                    while (rs.next()) out.add(rs.getString(1));
                    return out;
                }
            }
        });
    }

    @Test
    void numbersOfEverySignAndScaleArriveExactly() throws Exception {
        String[] numbers = {"0", "0.0000", "1", "-1", "0.5", "-0.0001", "10000", "10000.0001", "9999.9999", "100000000",
                "123456789012345.6789", "-999999999999999.9999", "0.00005", "1.23456", "1E+3", "-42.10"};
        List<DataField> data = new ArrayList<>();
        for (String n : numbers) data.add(number(n));
        store.append(List.of(hit(Instant.parse("2026-11-01T10:00:00Z"), "t", Event.WebVitals.NONE, data)));
        // numeric(19,4) rounds half away from zero on the way in, as it does a text value
        assertThat(column("SELECT number_value::text FROM event_data WHERE website_id = ? ORDER BY data_index"))
                .containsExactly("0.0000", "0.0000", "1.0000", "-1.0000", "0.5000", "-0.0001", "10000.0000", "10000.0001",
                        "9999.9999", "100000000.0000", "123456789012345.6789", "-999999999999999.9999", "0.0001", "1.2346",
                        "1000.0000", "-42.1000");
        assertThat(column("SELECT data_index::text FROM event_data WHERE website_id = ? ORDER BY data_index"))
                .hasSize(numbers.length).first().isEqualTo("0");
    }

    @Test
    void timestampsTextAndDoublesArriveExactly() throws Exception {
        store.append(List.of(
                hit(Instant.parse("1969-12-31T23:59:59.999999Z"), "nul\0gone", new Event.WebVitals(Double.NaN, Double.POSITIVE_INFINITY, -0.5, null, 1e-300), List.of()),
                hit(Instant.parse("1999-12-31T23:59:59.000001999Z"), "Über 😀 \"quoted\", comma\nline", Event.WebVitals.NONE, List.of()),
                hit(Instant.parse("2000-01-01T00:00:00Z"), "", Event.WebVitals.NONE,
                        List.of(new DataField("d", DataType.DATE, "x", null, Instant.parse("2026-03-29T01:30:00.5Z"))))));
        assertThat(column("SELECT created_at::text || ' ' || page_title FROM event WHERE website_id = ? ORDER BY created_at"))
                .containsExactly("1969-12-31 23:59:59.999999 nulgone", "1999-12-31 23:59:59.000001 Über 😀 \"quoted\", comma\nline",
                        "2000-01-01 00:00:00 ");
        assertThat(column("SELECT concat_ws(' ', lcp, inp, cls, fcp, ttfb) FROM event WHERE website_id = ? AND lcp IS NOT NULL"))
                .containsExactly("NaN Infinity -0.5 1e-300");
        assertThat(column("SELECT date_value::text FROM event_data WHERE website_id = ?")).containsExactly("2026-03-29 01:30:00.5");
        assertThat(column("SELECT count(*) FROM event WHERE website_id = ? AND tag IS NULL AND url_query = '' AND event_type = 2"))
                .containsExactly("3");
    }
}
