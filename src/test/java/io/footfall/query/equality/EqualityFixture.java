package io.footfall.query.equality;

import io.footfall.event.CollectedHit;
import io.footfall.store.wal.CrashedLog;
import io.footfall.testing.TestServer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's life the equality suites ({@link AcceleratorEqualityTest} on DuckDB; on PostgreSQL through {@link PostgresLife})
 * compare their accelerator through: a server with one website and its generated traffic, the traffic
 * split into early, late and lost hits, appended in batches of random size, and a crash whose hits are shipped again.
 */
final class EqualityFixture {
    /** Sessions of the generated traffic. */
    static final int SESSIONS = 700;

    private EqualityFixture() {
    }

    /** A running server (the backend of the test's environment) with one website and the traffic generated for it. */
    record Started(TestServer server, UUID site, Instant now, GeneratedTraffic traffic) {
    }

    static Started start(long seed) {
        TestServer server = TestServer.start();
        UUID site = UUID.fromString(server.createWebsite("Equality", "example.com"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Started(server, site, now, GeneratedTraffic.generate(site, seed, SESSIONS, now));
    }

    /** The hits in three shares: early (60 %), late (25 %: into hours and visits already written) and lost in a crash (15 %). */
    record Shares(List<CollectedHit> early, List<CollectedHit> late, List<CollectedHit> lost) {
    }

    static Shares split(List<CollectedHit> hits, Random r) {
        Shares shares = new Shares(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (CollectedHit h : hits) {
            int k = r.nextInt(20);
            (k < 12 ? shares.early() : k < 17 ? shares.late() : shares.lost()).add(h);
        }
        return shares;
    }

    /** Appends in time order, in batches of random size (as the ingest queue would). */
    static void appendInBatches(TestServer server, List<CollectedHit> hits, Random r) {
        int i = 0;
        while (i < hits.size()) {
            int n = Math.min(hits.size() - i, 1 + r.nextInt(400));
            server.append(hits.subList(i, i + n).toArray(CollectedHit[]::new));
            i += n;
        }
    }

    /** The server started again after {@link #crash}, and the hits it shipped again. */
    record Crashed(TestServer server, List<CollectedHit> reshipped) {
    }

    /**
     * Stops the server as a crash would leave it: the lost hits acknowledged (in the log), half of them already in the
     * store, and a tenth of the early and late hits whose shipping record was lost as well; then starts it again, which
     * ships all of these again, and checks every hit of {@code hits} (all the test sends) is stored once.
     */
    static Crashed crash(TestServer server, UUID site, List<CollectedHit> hits, Shares shares, Random r) throws Exception {
        appendInBatches(server, shares.lost().subList(0, shares.lost().size() / 2), r);
        List<CollectedHit> unrecorded = new ArrayList<>();
        for (CollectedHit h : shares.early()) if (r.nextInt(10) == 0) unrecorded.add(h);
        for (CollectedHit h : shares.late()) if (r.nextInt(10) == 0) unrecorded.add(h);
        unrecorded.addAll(shares.lost());
        Path data = server.dataDir();
        Map<String, String> env = server.env();
        server.close();
        CrashedLog.leaveUnshipped(data.resolve("ingest-log"), unrecorded);
        TestServer started = TestServer.start(data, env);
        long stored = started.count("SELECT count(*) FROM event WHERE website_id = ?::uuid", site);
        assertThat(stored).as("every hit once after re-shipping").isEqualTo(hits.stream().filter(h -> h.event() != null).count());
        return new Crashed(started, unrecorded);
    }
}
