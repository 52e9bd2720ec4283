package io.footfall.http;

import io.footfall.event.CollectedHit;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event totals through the custom-event spans must give exactly what the event table gives. Hits go in
 * through the store interface in batches, folded and pending, one out of time order; the server runs with
 * {@code QUERY_PATH=compare}, so every request over ranges that cut the spans is checked against the
 * raw-events reference.
 *
 * <pre>
 * A  visit 1: 08:00 signup | 08:30 view /a | 09:00 click (folded)    visit 2: 12:00 click (pending)
 * B  visit 1: 10:00 signup (folded) | 07:00 download, arriving later (folded)
 * C  visit 1: 06:00 click | 20:00 click (folded: around most ranges below)
 * D  visit 1: 09:30 view /d only
 * E  visit 1: 13:00 share (pending, a new session)
 * F  visits 05:00 click | 09:30 signup | 10:30 click | 21:00 click (folded: around most ranges, with events inside)
 * </pre>
 */
public class EventStatsRollupTest {
    static TestServer server;
    static String site;

    @BeforeAll
    static void start() throws Exception {
        // QUERY_PATH=compare: the server checks every rollup answer against the raw-events reference (500 when they differ).
        server = TestServer.start(java.util.Map.of("QUERY_PATH", "compare"));
        site = server.createWebsite("Event stats rollup", "example.com");
        UUID w = UUID.fromString(site);
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID(), e = UUID.randomUUID();
        UUID a1 = UUID.randomUUID(), a2 = UUID.randomUUID(), b1 = UUID.randomUUID(), c1 = UUID.randomUUID(), d1 = UUID.randomUUID(),
                e1 = UUID.randomUUID();
        server.append(event(w, a, a1, "08:00", "signup"), view(w, a, a1, "08:30", "/a"), event(w, a, a1, "09:00", "click"),
                event(w, b, b1, "10:00", "signup"), event(w, c, c1, "06:00", "click"), event(w, c, c1, "20:00", "click"),
                view(w, d, d1, "09:30", "/d"));
        UUID f = UUID.randomUUID();
        server.append(event(w, f, UUID.randomUUID(), "05:00", "click"), event(w, f, UUID.randomUUID(), "09:30", "signup"),
                event(w, f, UUID.randomUUID(), "10:30", "click"), event(w, f, UUID.randomUUID(), "21:00", "click"));
        server.fold();
        server.append(event(w, b, b1, "07:00", "download"));
        server.fold();
        server.append(event(w, a, a2, "12:00", "click"), event(w, e, e1, "13:00", "share"));
    }

    /** A custom event {@code name} on 2026-03-07 at {@code time} (UTC). */
    public static CollectedHit event(UUID website, UUID session, UUID visit, String time, String name) {
        CollectedHit h = ExpandedRollupTest.hit(website, session, visit, time, "/e", null, null, null, null, 2);
        var ev = h.event();
        return new CollectedHit(new io.footfall.event.Event(ev.eventId(), ev.websiteId(), ev.sessionId(), ev.visitId(), ev.createdAt(),
                ev.eventType(), name, ev.page(), ev.referrer(), ev.campaign(), ev.session(), ev.vitals()), h.eventData(), h.websiteId(),
                h.sessionId(), h.distinctId(), h.createdAt(), h.sessionData());
    }

    static CollectedHit view(UUID website, UUID session, UUID visit, String time, String path) {
        return ExpandedRollupTest.hit(website, session, visit, time, path, null, null, null, null, 1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String stats(String range) {
        return server.websiteJson(site, "events/stats?" + range).toString();
    }

    @Test
    void exactTotals() {
        assertThat(stats(ExpandedRollupTest.range("00:00", "23:59"))).isEqualTo("{\"data\":{\"events\":12,\"visitors\":5,\"visits\":9,"
                + "\"uniqueEvents\":4,\"comparison\":{\"events\":0,\"visitors\":0,\"visits\":0,\"uniqueEvents\":0}}}");
        // 07:30–11:00: A's signup and click, B's signup, F's signup and click; C's events lie around it.
        assertThat(stats(ExpandedRollupTest.range("07:30", "11:00"))).startsWith("{\"data\":{\"events\":5,\"visitors\":3,\"visits\":4,"
                + "\"uniqueEvents\":2,");
        // 09:45–11:59: B's signup, F's click in a whole hour (F spans the range: checked through the hourly rollup).
        assertThat(stats(ExpandedRollupTest.range("09:45", "11:59"))).startsWith("{\"data\":{\"events\":2,\"visitors\":2,\"visits\":2,");
    }

    @Test
    void spansAgreeWithTheEventTable() throws Exception {
        compareWithEvents();
        server.fold();
        compareWithEvents();
    }

    void compareWithEvents() {
        String[][] ranges = {{"00:00", "23:59"}, {"07:30", "11:00"}, {"06:30", "19:00"}, {"08:00", "08:00"}, {"09:01", "11:59"},
                {"12:00", "13:00"}, {"00:00", "06:59"}, {"10:00", "20:00"}, {"20:01", "23:00"}, {"09:45", "11:59"}, {"09:15", "09:59"},
                {"09:29", "10:31"}};
        String[] others = {"events/series?unit=hour&timezone=UTC", "events/series?unit=day&timezone=America/New_York",
                "events/series?unit=hour&timezone=Asia/Kolkata", "events/series?unit=hour&timezone=UTC&event=click",
                "metrics?type=event", "metrics?type=event&search=c", "metrics?type=event&limit=1&offset=1",
                "events?pageSize=3"}; // its total from the per-hour counts of every type
        for (String[] r : ranges) {
            String range = ExpandedRollupTest.range(r[0], r[1]);
            stats(range); // checked against the reference by the server
            for (String o : others) {
                String q = o + "&" + range;
                server.websiteJson(site, q);
            }
        }
    }

    @Test
    void reshippedEventsAreCountedOnce() throws Exception {
        UUID w = UUID.fromString(server.createWebsite("Event reship", "example.com"));
        CollectedHit once = event(w, UUID.randomUUID(), UUID.randomUUID(), "15:10", "buy");
        server.append(once);
        server.fold();
        server.server().stores().events().deleteEvents(java.util.List.of(once.event().eventId()));
        server.append(once); // as crash recovery does: the same hit again
        server.fold();
        assertThat(server.websiteJson(w.toString(), "events?" + ExpandedRollupTest.range("00:00", "23:59")).get("count").asLong()).isEqualTo(1);
        assertThat(server.websiteJson(w.toString(), "metrics?type=event&" + ExpandedRollupTest.range("00:00", "23:59")).toString())
                .isEqualTo("[{\"x\":\"buy\",\"y\":1}]");
    }
}
