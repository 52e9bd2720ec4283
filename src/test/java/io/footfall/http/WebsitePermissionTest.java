package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read a website's data, checked on every read route with a second account made through the users
 * API: a user who does not own a website gets 401 (never 403 or 404), its owner and any admin get 200.
 * Every request carries a valid range and time zone, so only the permission decides.
 */
class WebsitePermissionTest {
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    /** Every read route under /api/websites/:id; {session} and {event} name a real session and event of the site. */
    static final List<String> READS = List.of(
            "", "stats", "pageviews", "metrics?type=path", "metrics/expanded?type=path",
            "events", "events/series", "events/stats", "active",
            "sessions", "sessions/stats", "sessions/weekly",
            "sessions/{session}", "sessions/{session}/activity", "sessions/{session}/properties",
            "session-data/properties", "session-data/values?propertyName=plan",
            "event-data/events", "event-data/fields", "event-data/properties",
            "event-data/values?event=signup&propertyName=plan", "event-data/stats", "event-data/{event}",
            "daterange", "values?type=path", "event-data", "export", "revenue/sessions?currency=EUR");

    record Site(String id, String session, String event) {
        /** The read routes of this site, the realtime route included, each with a valid range and time zone. */
        List<String> paths() {
            Instant now = Instant.now();
            String params = "startAt=" + now.minus(1, ChronoUnit.DAYS).toEpochMilli() + "&endAt=" + now.plusSeconds(60).toEpochMilli()
                    + "&timezone=Europe/Berlin&unit=hour";
            List<String> paths = new ArrayList<>();
            for (String read : READS) {
                String path = ("/api/websites/" + id + (read.isEmpty() ? "" : "/") + read)
                        .replace("{session}", session).replace("{event}", event);
                paths.add(path + (path.contains("?") ? "&" : "?") + params);
            }
            paths.add("/api/realtime/" + id + "?timezone=Europe/Berlin");
            return paths;
        }
    }

    static TestServer server;
    static Site adminSite;
    static Site userSite;
    static String userId;
    static String userToken;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        adminSite = withTraffic(server.createWebsite("Admin's", "admin.example"));
        userId = server.createUser("second", "second-pass", "user");
        userToken = server.login("second", "second-pass");
        userSite = withTraffic(server.createWebsite(userToken, "Second's", "second.example"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One visitor: a pageview, a custom event with data and an identify with session data, all just now. */
    static Site withTraffic(String website) {
        String session = send("{\"type\":\"event\",\"payload\":{\"website\":\"" + website + "\",\"hostname\":\"example.com\","
                + "\"url\":\"/pricing\",\"id\":\"visitor-1\"}}").get("sessionId").asText();
        send("{\"type\":\"event\",\"payload\":{\"website\":\"" + website + "\",\"hostname\":\"example.com\",\"url\":\"/pricing\","
                + "\"id\":\"visitor-1\",\"name\":\"signup\",\"data\":{\"plan\":\"pro\"}}}");
        send("{\"type\":\"identify\",\"payload\":{\"website\":\"" + website + "\",\"id\":\"visitor-1\",\"data\":{\"plan\":\"pro\"}}}");
        String event = server.query("SELECT CAST(event_id AS VARCHAR) AS id FROM event WHERE website_id = ?::UUID AND event_name = 'signup'",
                website).getFirst().get("id").toString();
        return new Site(website, session, event);
    }

    static JsonNode send(String body) {
        var res = server.http().send("POST", "/api/send", body, null, Map.of("User-Agent", CHROME));
        assertThat(res.status()).as(body).isEqualTo(200);
        return res.json();
    }

    @Test
    void aUserGets401OnEveryReadOfAWebsiteItDoesNotOwn() {
        List<String> paths = adminSite.paths();
        assertThat(paths).hasSize(READS.size() + 1);
        for (String path : paths) {
            var res = server.http().get(path, userToken);
            assertThat(res.status()).as(path).isEqualTo(401);
            assertThat(res.json().get("error").get("code").asText()).as(path).isEqualTo("unauthorized");
        }
    }

    @Test
    void aUserGets401OnAnUnknownWebsiteToo() {
        Site unknown = new Site("00000000-0000-4000-8000-000000000000", adminSite.session(), adminSite.event());
        for (String path : unknown.paths()) {
            assertThat(server.http().get(path, userToken).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void aUserGets200OnEveryReadOfItsOwnWebsite() {
        for (String path : userSite.paths()) {
            assertThat(server.http().get(path, userToken).status()).as(path).isEqualTo(200);
        }
        JsonNode stats = server.http().get(userSite.paths().get(READS.indexOf("stats")), userToken).json();
        assertThat(stats.get("pageviews").asInt()).isEqualTo(1);
        assertThat(stats.get("visitors").asInt()).isEqualTo(1);
        JsonNode session = server.http().get(userSite.paths().get(READS.indexOf("sessions/{session}")), userToken).json();
        assertThat(session.get("id").asText()).isEqualTo(userSite.session());
        JsonNode values = server.http().get(userSite.paths().get(READS.indexOf("event-data/values?event=signup&propertyName=plan")), userToken).json();
        assertThat(values.toString()).isEqualTo("[{\"value\":\"pro\",\"total\":1}]");
    }

    @Test
    void anAdminGetsTheSameAnswersAsTheOwner() {
        List<String> paths = userSite.paths();
        for (String path : paths) {
            var asAdmin = server.http().get(path, server.adminToken());
            assertThat(asAdmin.status()).as(path).isEqualTo(200);
            // realtime carries the time of the answer, the export's zip entries the time they were written
            if (!path.startsWith("/api/realtime/") && !path.contains("/export?")) {
                assertThat(asAdmin.json()).as(path).isEqualTo(server.http().get(path, userToken).json());
            }
        }
        for (String path : adminSite.paths()) {
            assertThat(server.http().get(path, server.adminToken()).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void aUserCannotChangeAWebsiteItDoesNotOwn() {
        String site = "/api/websites/" + adminSite.id();
        assertThat(server.http().post(site, "{\"name\":\"Taken\"}", userToken).status()).isEqualTo(401);
        assertThat(server.http().post(site + "/reset", null, userToken).status()).isEqualTo(401);
        assertThat(server.http().delete(site, userToken).status()).isEqualTo(401);
        assertThat(server.http().get(site, server.adminToken()).json().get("name").asText()).isEqualTo("Admin's");
        assertThat(server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", adminSite.id())).isEqualTo(2);
    }

    @Test
    void eachUserListsOnlyItsOwnWebsites() {
        JsonNode own = server.http().get("/api/websites", userToken).json();
        assertThat(own.get("count").asInt()).isEqualTo(1);
        assertThat(own.get("data").get(0).get("id").asText()).isEqualTo(userSite.id());
        JsonNode viaAdmin = server.http().get("/api/users/" + userId + "/websites", server.adminToken()).json();
        assertThat(viaAdmin.get("data").get(0).get("id").asText()).isEqualTo(userSite.id());
        assertThat(viaAdmin.get("count").asInt()).isEqualTo(1);
    }

    @Test
    void aViewOnlyUserCannotCreateAWebsite() {
        server.createUser("viewer", "viewer-pass", "view-only");
        String viewer = server.login("viewer", "viewer-pass");
        var res = server.http().post("/api/websites", "{\"name\":\"Mine\",\"domain\":\"mine.example\"}", viewer);
        assertThat(res.status()).isEqualTo(401);
        assertThat(res.json().get("error").get("code").asText()).isEqualTo("unauthorized");
        assertThat(server.http().get("/api/websites", viewer).json().get("count").asInt()).isZero();
        assertThat(server.http().get(adminSite.paths().get(READS.indexOf("stats")), viewer).status()).isEqualTo(401);
    }
}
