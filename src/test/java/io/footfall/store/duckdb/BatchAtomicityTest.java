package io.footfall.store.duckdb;

import io.footfall.accelerate.duckdb.RollupKeeper;
import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.DataType;
import io.footfall.event.Event;
import io.footfall.store.Migrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch append on a real DuckDB file is all-or-nothing, and numbers of any scale are stored (rounded to 4 places). */
class BatchAtomicityTest {
    Path dir;
    DuckDbConnections db;
    DuckDbEventStore store;
    final UUID website = UUID.randomUUID();

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("footfall-atomic");
        db = DuckDbConnections.open(dir.resolve("f.duckdb"), 2);
        Migrations.apply(db, "duckdb");
        store = DuckDbEventStore.open(db, new RollupKeeper());
    }

    @AfterEach
    void close() {
        db.close();
    }

    CollectedHit hit(int i, BigDecimal price) {
        UUID session = UUID.nameUUIDFromBytes(("s" + i % 3).getBytes());
        Instant at = Instant.parse("2026-11-01T10:00:00Z").plusSeconds(i);
        Event e = new Event(UUID.randomUUID(), website, session, UUID.randomUUID(), at, 2, "buy",
                new Event.Page("example.com", "/p/" + i, null, "T", null),
                new Event.Referrer(null, null, null),
                new Event.Campaign(null, null, null, null, null, null, null, null, null, null, null),
                new Event.SessionAttributes("chrome", "Mac OS", "laptop", "1440x900", "en-US", "DE", null, null, null),
                new Event.WebVitals(null, null, null, null, null));
        return new CollectedHit(e, List.of(new DataField("price", DataType.NUMBER, price.toPlainString(), price, null)),
                website, session, null, at, List.of());
    }

    long count(String sql) throws Exception {
        return store.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void numbersOfAnyScaleAreStoredRoundedToFourPlaces() throws Exception {
        List<CollectedHit> batch = new ArrayList<>();
        batch.add(hit(0, new BigDecimal("9.99")));
        batch.add(hit(1, new BigDecimal("1.234567")));
        batch.add(hit(2, new BigDecimal("12")));
        batch.add(hit(3, new BigDecimal("1E+3")));
        store.append(batch);
        assertThat(count("SELECT count(*) FROM event")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM event_data")).isEqualTo(4);
        String stored = store.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT string_agg(number_value::VARCHAR, ' ' ORDER BY created_at) FROM event_data")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).isEqualTo("9.9900 1.2346 12.0000 1000.0000");
    }

    @Test
    void aBatchThatFailsLeavesNoRows() throws Exception {
        List<CollectedHit> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) batch.add(hit(i, new BigDecimal("1.5")));
        // 10^16 does not fit DECIMAL(19,4): the event_data appender fails after the event rows were appended
        batch.add(hit(5, new BigDecimal("1E+16")));
        assertThatThrownBy(() -> store.append(batch)).isInstanceOf(java.sql.SQLException.class);
        assertThat(count("SELECT count(*) FROM event")).isZero();
        assertThat(count("SELECT count(*) FROM event_data")).isZero();
        // the next batch goes in whole, once
        List<CollectedHit> good = batch.subList(0, 5);
        store.append(good);
        assertThat(count("SELECT count(*) FROM event")).isEqualTo(5);
        assertThat(count("SELECT count(DISTINCT event_id) FROM event")).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM event_data")).isEqualTo(5);
    }
}
