package io.footfall.http.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TinyTrail reports about behaviour over time, over real HTTP with exact values from the events the test sent:
 * {@code /api/v1/reports/funnel}, {@code /realtime}, {@code /custom-events} and {@code /timeseries}. Dated traffic
 * goes through {@code /api/send} with explicit timestamps (TinyTrail's collect has none); the realtime traffic goes
 * through {@code /api/v1/collect}.
 */
class TinyTrailActivityReportsTest {
    static final String NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";
    static final String BROWSER = Traffic.CHROME_WIN;
    static TestServer server;
    static String adminKey;
    static String account;
    static String userKey;
    static String otherKey;
    static String funnelSite;
    static String seriesSite;
    static String eventsSite;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("TINYTRAIL_API_RATE_LIMIT", "100000", "TINYTRAIL_COLLECT_RATE_LIMIT", "100000"));
        adminKey = Files.readString(server.dataDir().resolve("admin-api-key")).trim();
        account = createAccount("Acme");
        userKey = createUserKey(account);
        otherKey = createUserKey(createAccount("Other"));
        funnelSite = createSite(account, "funnel.example");
        seriesSite = createSite(account, "series.example");
        eventsSite = createSite(account, "events.example");
        sendFunnelTraffic();
        sendSeriesTraffic();
        sendCustomEvents();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- setup through the public APIs ----

    static HttpClientForTests.Response call(String method, String path, String body, String key) {
        return server.http().send(method, path, body, null, key == null ? Map.of() : Map.of("X-API-KEY", key));
    }

    static String createAccount(String name) {
        var res = call("POST", "/api/v1/accounts", "{\"name\":\"" + name + "\"}", adminKey);
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().get("data").get("id").asText();
    }

    static String createUserKey(String accountId) {
        var res = call("POST", "/api/v1/users", "{\"account_id\":\"" + accountId + "\",\"role\":\"user\"}", adminKey);
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().get("data").get("apiKey").asText();
    }

    static String createSite(String accountId, String domain) {
        var res = call("POST", "/api/v1/websites", "{\"domain\":\"" + domain + "\",\"account_id\":\"" + accountId + "\"}", adminKey);
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().get("data").get("id").asText();
    }

    /**
     * Sessions are visits: one visitor's events split into a new one after 30 minutes without an event.
     * For the steps /pricing, /signup, /onboarding in 2026-03-10..16: step 1 is reached by a, b, c's first visit,
     * d, and f's two visits (6); step 2 in order by a, d and f twice (4: b saw /signup before /pricing, c's /signup
     * opened a new visit); step 3 by a and d (2: e's /onboarding comes before its /signup).
     */
    static void sendFunnelTraffic() {
        Traffic t = new Traffic(server, funnelSite);
        t.visitor("a", BROWSER, null, null, null).view("2026-03-10T10:00:00Z", "/pricing", null)
                .view("2026-03-10T10:05:00Z", "/signup", null).view("2026-03-10T10:10:00Z", "/onboarding", null);
        t.visitor("b", BROWSER, null, null, null).view("2026-03-10T11:00:00Z", "/signup", null)
                .view("2026-03-10T11:05:00Z", "/pricing", null).view("2026-03-10T11:10:00Z", "/onboarding", null);
        t.visitor("c", BROWSER, null, null, null).view("2026-03-11T09:00:00Z", "/pricing", null)
                .view("2026-03-11T09:30:01Z", "/signup", null).view("2026-03-11T09:31:00Z", "/onboarding", null);
        // d's steps are 20 minutes apart: one visit of 40 minutes
        t.visitor("d", BROWSER, null, null, null).view("2026-03-11T12:00:00Z", "/pricing", null)
                .view("2026-03-11T12:20:00Z", "/signup", null).view("2026-03-11T12:40:00Z", "/onboarding", null);
        t.visitor("e", BROWSER, null, null, null).view("2026-03-12T08:00:00Z", "/pricing", null)
                .view("2026-03-12T08:01:00Z", "/onboarding", null).view("2026-03-12T08:02:00Z", "/signup", null);
        t.visitor("f", BROWSER, null, null, null).view("2026-03-12T10:00:00Z", "/pricing", null)
                .view("2026-03-12T10:01:00Z", "/signup", null).view("2026-03-12T14:00:00Z", "/pricing", null)
                .view("2026-03-12T14:01:00Z", "/signup", null);
        // outside the period
        t.visitor("g", BROWSER, null, null, null).view("2026-03-20T10:00:00Z", "/pricing", null)
                .view("2026-03-20T10:01:00Z", "/signup", null);
        // event steps: a pageview, then scroll_50, then the custom event signup_complete
        t.visitor("h", BROWSER, null, null, null).view("2026-03-13T10:00:00Z", "/pricing", null)
                .event("2026-03-13T10:00:30Z", "/pricing", "scroll_50").event("2026-03-13T10:01:00Z", "/pricing", "signup_complete");
        t.visitor("i", BROWSER, null, null, null).event("2026-03-13T11:00:00Z", "/pricing", "signup_complete")
                .view("2026-03-13T11:00:10Z", "/pricing", null).event("2026-03-13T11:00:20Z", "/pricing", "scroll_50");
    }

    /**
     * 2026-03-10..14 (the 11th empty). 10th: a views /, /about, /pricing over 300 s; b bounces on /about.
     * 12th: c views /about then sends an event 600 s later (a bounce: one pageview); a views / twice 60 s apart;
     * f views /pricing then /about 181 s later. 13th: d views /blog at 23:50 and /about at 00:10 on the 14th (a
     * visit of the 13th). 14th: e bounces on /about. Outside: 23:59:59 on the 9th and midnight of the 15th.
     */
    static void sendSeriesTraffic() {
        Traffic t = new Traffic(server, seriesSite);
        t.visitor("a", BROWSER, null, null, null).view("2026-03-10T10:00:00Z", "/", null)
                .view("2026-03-10T10:02:00Z", "/about", null).view("2026-03-10T10:05:00Z", "/pricing", null)
                .view("2026-03-12T15:00:00Z", "/", null).view("2026-03-12T15:01:00Z", "/", null);
        t.visitor("b", BROWSER, null, null, null).view("2026-03-10T11:00:00Z", "/about", null);
        t.visitor("c", BROWSER, null, null, null).view("2026-03-12T09:00:00Z", "/about", null)
                .event("2026-03-12T09:10:00Z", "/about", "signup");
        t.visitor("f", BROWSER, null, null, null).view("2026-03-12T18:00:00Z", "/pricing", null)
                .view("2026-03-12T18:03:01Z", "/about", null);
        t.visitor("d", BROWSER, null, null, null).view("2026-03-13T23:50:00Z", "/blog", null)
                .view("2026-03-14T00:10:00Z", "/about", null);
        t.visitor("e", BROWSER, null, null, null).view("2026-03-14T12:00:00Z", "/about", null);
        t.visitor("g", BROWSER, null, null, null).view("2026-03-09T23:59:59Z", "/about", null);
        t.visitor("k", BROWSER, null, null, null).view("2026-03-15T00:00:00Z", "/about", null);
    }

    /** In 2026-03-10..16: signup 3, a_event 2, video_play 2; scroll_50 and close_tab are types, not custom events. */
    static void sendCustomEvents() {
        Traffic t = new Traffic(server, eventsSite);
        t.visitor("a", BROWSER, null, null, null).view("2026-03-10T10:00:00Z", "/", null)
                .event("2026-03-10T10:00:10Z", "/", "signup").event("2026-03-10T10:00:20Z", "/", "video_play")
                .event("2026-03-10T10:00:30Z", "/", "scroll_50").event("2026-03-10T10:00:40Z", "/", "close_tab");
        t.visitor("b", BROWSER, null, null, null).event("2026-03-12T10:00:00Z", "/", "signup")
                .event("2026-03-12T10:00:10Z", "/", "a_event").event("2026-03-12T10:00:20Z", "/", "scroll_50")
                .event("2026-03-16T23:59:59Z", "/", "signup");
        t.visitor("c", BROWSER, null, null, null).event("2026-03-13T10:00:00Z", "/", "a_event")
                .event("2026-03-13T10:00:10Z", "/", "video_play").event("2026-03-17T00:00:00Z", "/", "signup");
    }
}
