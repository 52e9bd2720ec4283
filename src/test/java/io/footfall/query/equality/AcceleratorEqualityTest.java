package io.footfall.query.equality;

import io.footfall.config.QueryOptions;
import io.footfall.http.Json;
import io.footfall.accelerate.duckdb.AcceleratedAnalytics;
import io.footfall.query.Analytics;
import io.footfall.query.EventScope;
import io.footfall.query.MetricType;
import io.footfall.query.QueryParams;
import io.footfall.query.reference.ReferenceAnalytics;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DuckDB accelerator answers exactly what the raw-events reference answers, for every read of the query
 * seam, on generated traffic ({@link GeneratedTraffic}) over random requests ({@link RandomRequests}: ranges
 * cutting hours and days or ending now, units, zones with DST changes and odd offsets, filters of every
 * operator, {@code match=any}, search, paging). Compared after each step of the store's life: hits appended
 * in batches and pending, folded, late hits appended into folded hours and sessions, folded again, and after a
 * crash: the server stopped with acknowledged hits in its write-ahead log whose shipping it never recorded (some
 * of them folded, some pending in the store, some never shipped), started again so that it re-ships them
 * (deleting their events, rebuilding their visits' and sessions' rollup rows, appending them anew), then folded.
 * Seed: {@code -Dequality.seed=N} (default 16); requests per step: {@code -Dequality.requests=N} (default 12; 100 for a deeper run).
 */
class AcceleratorEqualityTest {
    static final long SEED = Long.getLong("equality.seed", 16);
    static final int REQUESTS = Integer.getInteger("equality.requests", 12);

    static TestServer server;
    static UUID site;
    static Analytics accelerated;
    static Analytics reference;
    static GeneratedTraffic traffic;
    static Instant now;

    @BeforeAll
    static void start() {
        EqualityFixture.Started started = EqualityFixture.start(SEED);
        server = started.server();
        site = started.site();
        now = started.now();
        traffic = started.traffic();
        openPaths();
    }

    /** Both paths over the running server's store. */
    private static void openPaths() {
        accelerated = new AcceleratedAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
        reference = new ReferenceAnalytics(server.server().stores().events(), QueryOptions.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void acceleratorEqualsReferenceThroughFoldsAndLateHits() throws Exception {
        Random r = new Random(SEED);
        EqualityFixture.Shares shares = EqualityFixture.split(traffic.hits, r);
        EqualityFixture.appendInBatches(server, shares.early(), r);
        compare("early hits, pending", r);
        server.fold();
        compare("early hits, folded", r);
        EqualityFixture.appendInBatches(server, shares.late(), r);
        compare("late hits pending over folded ones", r);
        server.fold();
        compare("all folded", r);

        crash(shares, r);
        compare("after a crash, re-shipped hits pending", r);
        server.fold();
        compare("after a crash, re-shipped hits folded", r);
    }

    /** A crash ({@link EqualityFixture#crash}: some re-shipped hits were folded, some pending, some never shipped); all wait to be folded again. */
    private static void crash(EqualityFixture.Shares shares, Random r) throws Exception {
        EqualityFixture.Crashed crashed = EqualityFixture.crash(server, site, traffic.hits, shares, r);
        server = crashed.server();
        openPaths();
        assertThat(server.count("SELECT count(*) FROM event_tail WHERE website_id = ?::UUID", site))
                .as("the re-shipped hits wait to be folded").isEqualTo(crashed.reshipped().stream().filter(h -> h.event() != null).count());
    }

    private void compare(String step, Random r) throws Exception {
        RandomRequests requests = new RandomRequests(r, now, traffic);
        for (int i = 0; i < REQUESTS; i++) {
            RandomRequests.Request req = requests.next();
            EventScope scope = new EventScope(site, QueryParams.parse(req.source()), accelerated.dialect());
            String at = step + " / " + req;
            same(at + " stats", a -> a.stats(scope));
            same(at + " pageviews", a -> a.pageviews(scope));
            same(at + " eventSeries", a -> a.eventSeries(scope));
            same(at + " eventStats", a -> a.eventStats(scope));
            same(at + " sessionStats", a -> a.sessionStats(scope));
            same(at + " sessionWeekly", a -> a.sessionWeekly(scope));
            same(at + " sessions", a -> a.sessions(scope));
            same(at + " events", a -> a.events(scope));
            same(at + " activeVisitors", a -> a.activeVisitors(scope));
            same(at + " sessionDataProperties", a -> a.sessionDataProperties(scope));
            same(at + " sessionDataValues", a -> a.sessionDataValues(scope, "tier"));
            same(at + " eventDataEvents", a -> a.eventDataEvents(scope, false));
            same(at + " eventDataStats", a -> a.eventDataStats(scope));
            for (String type : requests.metricTypes()) {
                MetricType t = MetricType.of(type);
                same(at + " metrics " + type, a -> a.metrics(scope, t));
            }
            for (String type : requests.expandedTypes()) {
                MetricType t = MetricType.of(type);
                same(at + " expanded " + type, a -> a.expandedMetrics(scope, t));
            }
        }
        UUID session = traffic.sessions.get(r.nextInt(traffic.sessions.size()));
        same(step + " session " + session, a -> a.session(site, session));
        same(step + " dateRange", a -> a.dateRange(site, null));
    }

    @FunctionalInterface
    interface Read {
        Object run(Analytics a) throws Exception;
    }

    /** Both answers, as the JSON the HTTP layer would send, must be identical; each read sees one state of the store. */
    private static void same(String what, Read read) throws Exception {
        String fast = Json.MAPPER.writeValueAsString(accelerated.together(() -> {
            try {
                return read.run(accelerated);
            } catch (java.sql.SQLException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        String slow = Json.MAPPER.writeValueAsString(read.run(reference));
        assertThat(fast).as(what).isEqualTo(slow);
    }
}
