package io.footfall.collect;

import io.footfall.accelerate.duckdb.RollupKeeper;
import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.store.Dialect;
import io.footfall.store.EventStore;
import io.footfall.store.Migrations;
import io.footfall.store.SqlWork;
import io.footfall.store.duckdb.DuckDbConnections;
import io.footfall.store.duckdb.DuckDbEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ingest queue's capacity bounds every hit it holds, those the writer has taken but not yet stored
 * included: while a batch is held up (a full ingest log waiting for the store), the queue does not fill
 * again behind it. On a real DuckDB file; the store's append is held at a latch, not faked.
 */
class IngestQueueBoundTest {
    Path dir;
    DuckDbConnections db;
    DuckDbEventStore duck;
    final UUID website = UUID.randomUUID();

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("footfall-ingest-bound");
        db = DuckDbConnections.open(dir.resolve("f.duckdb"), 1);
        Migrations.apply(db, "duckdb");
        duck = DuckDbEventStore.open(db, new RollupKeeper());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The real store, whose appends wait until {@link #release} (and say when the first one began). */
    static class HeldStore implements EventStore {
        final EventStore store;
        final CountDownLatch appending = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldStore(EventStore store) {
            this.store = store;
        }

        @Override
        public void append(List<CollectedHit> hits) throws SQLException {
            appending.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException(e);
            }
            store.append(hits);
        }

        @Override
        public void deleteEvents(Collection<UUID> eventIds) throws SQLException {
            store.deleteEvents(eventIds);
        }

        @Override
        public void deleteWebsiteData(UUID websiteId) throws SQLException {
            store.deleteWebsiteData(websiteId);
        }

        @Override
        public <T> T read(SqlWork<T> work) throws SQLException {
            return store.read(work);
        }

        @Override
        public Dialect dialect() {
            return store.dialect();
        }
    }

    CollectedHit hit(int i) {
        UUID session = UUID.nameUUIDFromBytes(("s" + i).getBytes());
        Instant at = Instant.parse("2026-11-01T10:00:00Z").plusSeconds(i);
        Event e = new Event(UUID.randomUUID(), website, session, UUID.randomUUID(), at, 1, null,
                new Event.Page("example.com", "/p/" + i, null, null, null), new Event.Referrer(null, null, null),
                new Event.Campaign(null, null, null, null, null, null, null, null, null, null, null),
                new Event.SessionAttributes("chrome", "Mac OS", "laptop", "1440x900", "en-US", "DE", null, null, null),
                Event.WebVitals.NONE);
        return new CollectedHit(e, List.of(), website, session, null, at, List.of());
    }

    long stored() throws SQLException {
        return duck.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM event WHERE website_id = '" + website + "'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void hitsTheWriterHoldsCountAgainstTheCapacity() throws Exception {
        HeldStore held = new HeldStore(duck);
        try (IngestQueue queue = new IngestQueue(held, 3, 10)) {
            List<CompletableFuture<Void>> accepted = new ArrayList<>();
            accepted.add(queue.submit(hit(0)));
            held.appending.await(); // the writer took hit 0 and waits in the store: the queue itself is empty
            assertThat(queue.queued()).isZero();
            accepted.add(queue.submit(hit(1)));
            accepted.add(queue.submit(hit(2)));
            assertThat(queue.held()).isEqualTo(3);
            // a fourth hit would be a fourth in memory: refused at once, nothing of it kept
            assertThatThrownBy(() -> queue.submit(hit(3))).isInstanceOf(IngestQueue.Rejected.class).hasMessage("ingest queue full");
            assertThat(queue.held()).isEqualTo(3);

            held.release.countDown();
            for (CompletableFuture<Void> f : accepted) f.get();
            assertThat(stored()).isEqualTo(3); // exactly the accepted ones
            // room again once they are stored: a client told "stored" may send its next hit at once
            assertThat(queue.held()).isZero();
            queue.submit(hit(4)).get();
        }
        assertThat(stored()).isEqualTo(4);
    }

    @Test
    void aFailedBatchGivesItsRoomBack() throws Exception {
        EventStore failing = new HeldStore(duck) {
            @Override
            public void append(List<CollectedHit> hits) throws SQLException {
                throw new SQLException("disk full");
            }
        };
        try (IngestQueue queue = new IngestQueue(failing, 2, 10)) {
            for (int round = 0; round < 3; round++) {
                CompletableFuture<Void> f = queue.submit(hit(round));
                assertThatThrownBy(f::get).hasRootCauseMessage("disk full");
                assertThat(queue.held()).isZero();
            }
        }
        assertThat(stored()).isZero();
    }
}
