package io.footfall.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.Event;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session data properties and values without filters are read from the session data rows alone, through
 * the copy of their session's span (V18). They must give exactly what the event table gives, with session
 * data arriving before, with and after its session's events, pending and folded, replaced, and re-shipped.
 * Each answer is compared with an SQL reference over the events, with the same request plus
 * {@code hostname=c.example} (matches every hit; a filter sends the query to the event table), and the
 * span copies with session_span.
 *
 * <pre>
 * A  08:00 plan=pro, 08:30                                 wholly inside most ranges
 * B  07:00 identify only: plan=free | later: 10:00 event    data before any activity, then pending
 * C  identify only: plan=team, age=30                      never active
 * D  06:00 plan=free | 18:00                               straddles the ranges between (no activity there)
 * E  09:00 web vitals only: plan=pro                       never active
 * F  11:00 chrome plan=enterprise age=41 | 11:05 firefox   mixed
 * G  12:00 plan=free | later: identify plan=pro            replaced value
 * H  03-05 10:00 plan=pro | later: 14:00                   its span grows into the day while pending
 * K  15:00 plan=team                                       re-shipped
 * L  later: 16:00 plan=free                                pending, no folded span yet
 * </pre>
 */
class SessionDataRollupTest {
    static TestServer server;
    static String site;
    static UUID w;
    static final UUID A = UUID.randomUUID(), B = UUID.randomUUID(), C = UUID.randomUUID(), D = UUID.randomUUID(), E = UUID.randomUUID(),
            F = UUID.randomUUID(), G = UUID.randomUUID(), H = UUID.randomUUID(), K = UUID.randomUUID(), L = UUID.randomUUID();
    static CollectedHit kHit;

    static final String[][] RANGES = {{"03-07T00:00", "03-07T23:59"}, {"03-07T08:15", "03-07T09:00"}, {"03-07T09:00", "03-07T12:00"},
            {"03-07T10:00", "03-07T10:00"}, {"03-07T12:00", "03-07T23:59"}, {"03-07T00:00", "03-07T07:30"}, {"03-04T00:00", "03-08T00:00"},
            {"03-05T12:00", "03-07T08:00"}, {"03-07T14:00", "03-07T16:00"}};

    @BeforeAll
    static void start() {
        // QUERY_PATH=compare: the server checks every rollup answer against the raw-events reference (500 when they differ).
        server = TestServer.start(java.util.Map.of("QUERY_PATH", "compare"));
        site = server.createWebsite("Session data rollup", "example.com");
        w = UUID.fromString(site);
        server.append(view(A, "03-07T08:00", "chrome", 1, plan("pro")), view(A, "03-07T08:30", "chrome", 1),
                identify(B, "03-07T07:00", plan("free")), identify(C, "03-07T07:00", plan("team"), age(30)),
                view(D, "03-07T06:00", "chrome", 1, plan("free")), view(E, "03-07T09:00", "chrome", 5, plan("pro")),
                view(F, "03-07T11:00", "chrome", 1, plan("enterprise"), age(41)));
        kHit = view(K, "03-07T15:00", "chrome", 1, plan("team"));
        server.append(view(D, "03-07T18:00", "chrome", 1), view(F, "03-07T11:05", "firefox", 1),
                view(G, "03-07T12:00", "chrome", 1, plan("free")), view(H, "03-05T10:00", "chrome", 1, plan("pro")), kHit);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rowsAgreeWithTheEventsThroughPendingFoldsAndReships() throws Exception {
        agreesWithEvents("pending");
        server.fold();
        agreesWithEvents("folded");
        String day = range("03-07T00:00", "03-07T23:59");
        // A, D, F, G, K; not B (no activity yet), C (none), E (web vitals only), H (another day)
        assertThat(get("session-data/properties", day).toString())
                .isEqualTo("[{\"propertyName\":\"plan\",\"total\":5},{\"propertyName\":\"age\",\"total\":1}]");
        // F at 11:00 and G at 12:00; D's activity lies outside
        assertThat(get("session-data/properties", range("03-07T09:00", "03-07T12:00")).toString())
                .isEqualTo("[{\"propertyName\":\"plan\",\"total\":2},{\"propertyName\":\"age\",\"total\":1}]");

        server.append(view(B, "03-07T10:00", "chrome", 1), identify(G, "03-07T13:00", plan("pro")),
                view(H, "03-07T14:00", "chrome", 1), view(L, "03-07T16:00", "chrome", 1, plan("free")));
        agreesWithEvents("second batch pending"); // H is pending with a folded span in 03-04..03-08: checked and known
        assertThat(get("session-data/properties", day).toString())
                .isEqualTo("[{\"propertyName\":\"plan\",\"total\":8},{\"propertyName\":\"age\",\"total\":1}]");
        assertThat(values(day)).containsEntry("free", 3L).containsEntry("pro", 3L); // free: B D L; pro: A G H
        server.fold();
        agreesWithEvents("second batch folded");

        server.server().stores().events().deleteEvents(List.of(kHit.event().eventId()));
        agreesWithEvents("re-shipped event deleted");
        assertThat(server.count("SELECT count(*) FROM session_data WHERE session_id = ?::UUID AND session_first_at IS NULL", K.toString()))
                .isEqualTo(1);
        server.append(kHit); // as crash recovery does: the same hit again
        agreesWithEvents("re-shipped event pending");
        server.fold();
        agreesWithEvents("re-shipped event folded");
        assertThat(get("session-data/properties", day).toString())
                .isEqualTo("[{\"propertyName\":\"plan\",\"total\":8},{\"propertyName\":\"age\",\"total\":1}]");
    }

    /** Every range and both endpoints, in both shapes of the checked sessions (listed ids, sub-query). */
    void agreesWithEvents(String step) {
        compare(step);
        server = server.restart(java.util.Map.of("QUERY_MAX_LISTED_EDGES", "0"));
        compare(step + ", checked sessions as a sub-query");
        server = server.restart(java.util.Map.of("QUERY_MAX_LISTED_EDGES", ""));
        assertThat(server.count("SELECT count(*) FROM session_data d LEFT JOIN session_span v ON v.website_id = d.website_id "
                + "AND v.session_id = d.session_id WHERE d.session_first_at IS DISTINCT FROM v.first_at "
                + "OR d.session_last_at IS DISTINCT FROM v.last_at")).as(step).isZero();
    }

    void compare(String step) {
        for (String[] r : RANGES) {
            String q = range(r[0], r[1]);
            String properties = get("session-data/properties", q).toString();
            assertThat(properties).as(step + " properties " + r[0] + " " + r[1]).isEqualTo(reference(r[0], r[1]))
                    .isEqualTo(get("session-data/properties", q + "&hostname=c.example").toString());
            for (String key : List.of("plan", "age")) {
                assertThat(get("session-data/values", q + "&propertyName=" + key).toString()).as(step + " " + key + " " + r[0] + " " + r[1])
                        .isEqualTo(get("session-data/values", q + "&propertyName=" + key + "&hostname=c.example").toString());
            }
        }
    }

    /** The properties answer computed from the event table: keys of sessions with activity in the range. */
    static String reference(String from, String to) {
        var rows = server.query("SELECT data_key, count(*) AS total FROM session_data WHERE website_id = ?::UUID AND session_id IN "
                + "(SELECT session_id FROM event WHERE website_id = ?::UUID AND event_type <> 5 AND created_at BETWEEN ?::TIMESTAMP AND ?::TIMESTAMP) "
                + "GROUP BY data_key ORDER BY total DESC, data_key", site, site, at(from).toString(), at(to).toString());
        List<String> out = new ArrayList<>();
        for (var row : rows) out.add("{\"propertyName\":\"" + row.get("data_key") + "\",\"total\":" + row.get("total") + "}");
        return "[" + String.join(",", out) + "]";
    }

    static Map<String, Long> values(String range) {
        Map<String, Long> out = new java.util.HashMap<>();
        for (JsonNode v : get("session-data/values", range + "&propertyName=plan")) out.put(v.get("value").asText(), v.get("total").asLong());
        return out;
    }

    static JsonNode get(String endpoint, String query) {
        return server.websiteJson(site, endpoint + "?" + query);
    }

    static Instant at(String monthDayTime) {
        return Instant.parse("2026-" + monthDayTime + ":00Z");
    }

    static String range(String from, String to) {
        return TestServer.range(at(from).toString(), at(to).toString());
    }

    static DataField plan(String value) {
        return new DataField("plan", 1, value, null, null);
    }

    static DataField age(int years) {
        return new DataField("age", 2, null, BigDecimal.valueOf(years).setScale(4), null);
    }

    static CollectedHit view(UUID session, String time, String browser, int type, DataField... data) {
        Instant t = at(time);
        var attrs = new Event.SessionAttributes(browser, "Windows 10", "desktop", "1920x1080", "en-US", "DE", null, null, null);
        Event e = new Event(UUID.randomUUID(), w, session, UUID.nameUUIDFromBytes(session.toString().getBytes()), t, type, null,
                new Event.Page("example.com", "/", null, "Home", null), Event.Referrer.NONE, Event.Campaign.NONE, attrs,
                type == 5 ? new Event.WebVitals(1.0, null, null, null, null) : Event.WebVitals.NONE);
        return new CollectedHit(e, List.of(), w, session, null, t, List.of(data));
    }

    /** A hit that only sets session data (as an identify call does): no event. */
    static CollectedHit identify(UUID session, String time, DataField... data) {
        return new CollectedHit(null, List.of(), w, session, null, at(time), List.of(data));
    }
}
