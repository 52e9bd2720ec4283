package io.footfall.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * TinyTrail's /js/tracker.js in a real browser: Debian's Chromium, driven by tracker/test/run-tinytrail.mjs, visits
 * pages of another origin that embed this server's tracker (page view, scroll depths, a custom event, SPA
 * navigation, an outbound link, closing tabs); every assertion reads what the server stored, through SQL and
 * through the Umami read API. Skipped only when node or /usr/bin/chromium is missing (CI installs both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TinyTrailTrackerBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path TRACKER_DIR = Path.of("tracker").toAbsolutePath();

    private TestServer server;
    private String website;
    private JsonNode summary;

    @BeforeAll
    void runInChromium() throws Exception {
        assumeThat(commandWorks(TRACKER_DIR, "node", "--version")).as("node is not installed").isTrue();
        assumeThat(Files.isExecutable(CHROMIUM)).as("/usr/bin/chromium is not installed").isTrue();
        if (!Files.isDirectory(TRACKER_DIR.resolve("node_modules/playwright-core"))) {
            assertThat(commandWorks(TRACKER_DIR, "npm", "ci", "--no-audit", "--no-fund")).as("npm ci in tracker/").isTrue();
        }
        // a browser's few seconds of scrolling and navigating exceed the documented 10 collects per 10 s per IP
        server = TestServer.start(Map.of("TINYTRAIL_COLLECT_RATE_LIMIT", "1000"));
        String key = Files.readString(server.dataDir().resolve("admin-api-key")).trim();
        String account = server.http().send("POST", "/api/v1/accounts", "{\"name\":\"Tracker\"}", null, Map.of("X-API-KEY", key))
                .json().get("data").get("id").asText();
        website = server.http().send("POST", "/api/v1/websites", "{\"domain\":\"127.0.0.1\",\"account_id\":\"" + account + "\"}",
                null, Map.of("X-API-KEY", key)).json().get("data").get("id").asText();

        Path out = Files.createTempFile("tinytrail-tracker", ".json");
        Process process = new ProcessBuilder("node", "test/run-tinytrail.mjs", "--base", server.baseUrl(), "--website", website)
                .directory(TRACKER_DIR.toFile())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("run-tinytrail.mjs did not finish in 5 minutes");
        }
        String json = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        assertThat(json).as("run-tinytrail.mjs summary (exit code %d)", process.exitValue()).startsWith("{");
        summary = new ObjectMapper().readTree(json);
        // The two close_tab beacons leave while their pages go away, unseen by the driver: wait for them in the store.
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // a hang guard; the assertions then show what is missing
        while (storedEvents() < 15 && System.nanoTime() < giveUp) Thread.sleep(50);
    }

    private long storedEvents() {
        return server.count("SELECT count(*) FROM event WHERE website_id = CAST(? AS UUID)", website);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void everySendWasAcceptedAsTheCollectEndpointDocuments() {
        assertThat(summary.get("problems").toString()).isEqualTo("[]");
        // the sends the driver saw, in order (the close_tab beacons of closing pages may escape it), each answered 202 unless
        // its page was gone before the answer came (the outbound link's): the store has those, see the next test
        List<String> types = new ArrayList<>();
        for (JsonNode s : summary.get("sent")) {
            String type = s.get("body").get("event_type").asText();
            if (!type.equals("close_tab")) types.add(type);
            if (!type.equals("close_tab") && !type.equals("outbound_link")) assertThat(s.path("status").asInt()).as(type).isEqualTo(202);
        }
        assertThat(types).containsExactly("page_view", "scroll_25", "scroll_50", "scroll_75", "custom",
                "page_view", "scroll_25", "scroll_50", "scroll_75", "page_view", "page_view", "outbound_link", "page_view");
        // no preflight: a text/plain body, which the collect endpoint reads as JSON all the same
        assertThat(summary.get("sent").get(0).get("contentType").asText()).startsWith("text/plain");
        JsonNode first = summary.get("sent").get(0).get("body");
        String origin = summary.get("pageOrigin").asText();
        assertThat(first.toString()).isEqualTo("{\"website_id\":\"" + website + "\",\"event_type\":\"page_view\",\"url\":\"" + origin
                + "/tt/index.html?utm_source=news\",\"path\":\"/tt/index.html\",\"referrer\":\"https://www.google.com/search?q=footfall\","
                + "\"screen_width\":1280,\"screen_height\":720}");
    }

    @Test
    void storedRowsAreTheTrackedEventsExactly() {
        List<Map<String, Object>> rows = server.query("SELECT event_type, event_name, url_path, url_query, referrer_domain, referrer_path,"
                + " screen, utm_source FROM event WHERE website_id = CAST(? AS UUID) ORDER BY created_at", website);
        List<String> seen = rows.stream().map(r -> r.get("event_type") + " " + r.get("event_name") + " " + r.get("url_path") + "?"
                + r.get("url_query") + " from " + (r.get("referrer_domain") == null ? "-" : r.get("referrer_domain") + "" + r.get("referrer_path"))
                + " " + r.get("screen")).toList();
        // beacons sent together (scroll depths) may arrive in either order: the rows as a multiset
        assertThat(seen).containsExactlyInAnyOrder(
                "1 null /tt/index.html?utm_source=news from google.com/search 1280x720",
                "2 scroll_25 /tt/index.html?utm_source=news from google.com/search 1280x720",
                "2 scroll_50 /tt/index.html?utm_source=news from google.com/search 1280x720",
                "2 scroll_75 /tt/index.html?utm_source=news from google.com/search 1280x720",
                "2 signup_complete /tt/index.html?utm_source=news from google.com/search 1280x720",
                "1 null /tt/spa-a? from 127.0.0.1/tt/index.html 1280x720",
                "2 scroll_25 /tt/spa-a? from 127.0.0.1/tt/index.html 1280x720",
                "2 scroll_50 /tt/spa-a? from 127.0.0.1/tt/index.html 1280x720",
                "2 scroll_75 /tt/spa-a? from 127.0.0.1/tt/index.html 1280x720",
                "1 null /tt/spa-b?x=1 from 127.0.0.1/tt/spa-a 1280x720",
                "1 null /tt/index.html?utm_source=news from 127.0.0.1/tt/spa-b 1280x720",
                "2 outbound_link /tt/index.html?utm_source=news from 127.0.0.1/tt/spa-b 1280x720",
                "2 close_tab /tt/index.html?utm_source=news from 127.0.0.1/tt/spa-b 1280x720",
                "1 null /tt/close.html? from - 1280x720",
                "2 close_tab /tt/close.html? from - 1280x720");
        assertThat(rows).extracting(r -> r.get("utm_source")).filteredOn(v -> v != null).hasSize(8).containsOnly("news");
        assertThat(server.count("SELECT count(*) FROM flagged_event WHERE website_id = CAST(? AS UUID)", website)).isZero();
    }

    @Test
    void customAndOutboundEventsCarryTheirProperties() {
        assertThat(eventData("signup_complete")).isEqualTo(Map.of("plan", "pro", "source", "pricing_page"));
        String origin = summary.get("pageOrigin").asText();
        assertThat(eventData("outbound_link")).isEqualTo(Map.of("url", origin.replace("127.0.0.1", "localhost") + "/tt/out.html"));
    }

    @Test
    void theUmamiReadApiCountsEachEventType() {
        String range = "startAt=0&endAt=" + (System.currentTimeMillis() + 60_000);
        JsonNode stats = server.websiteJson(website, "stats?" + range);
        assertThat(stats.get("pageviews").asLong()).isEqualTo(5);
        assertThat(stats.get("visitors").asLong()).isEqualTo(1);
        Map<String, Long> events = new TreeMap<>();
        for (JsonNode m : server.websiteJson(website, "metrics?type=event&" + range)) events.put(m.get("x").asText(), m.get("y").asLong());
        assertThat(events).isEqualTo(new TreeMap<>(Map.of("scroll_25", 2L, "scroll_50", 2L, "scroll_75", 2L, "signup_complete", 1L,
                "outbound_link", 1L, "close_tab", 2L)));
    }

    @Test
    void theScriptIsServedAsDocumented() {
        var res = server.http().send("GET", "/js/tracker.js", null, null, Map.of());
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("Content-Type")).isEqualTo("application/javascript");
        assertThat(res.header("Cache-Control")).isEqualTo("public, max-age=86400");
        assertThat(res.body().strip()).contains("data-id").contains("../api/v1/collect").doesNotContain("\n"); // minified
        var zipped = server.http().send("GET", "/js/tracker.js", null, null, Map.of("Accept-Encoding", "gzip"));
        assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.bytes().length).isLessThanOrEqualTo(1500);
        var again = server.http().send("GET", "/js/tracker.js", null, null, Map.of("If-None-Match", res.header("ETag")));
        assertThat(again.status()).isEqualTo(304);
    }

    /** Event data of the (single) event with this name, key → text. */
    private Map<String, String> eventData(String eventName) {
        Object eventId = server.query("SELECT event_id FROM event WHERE website_id = CAST(? AS UUID) AND event_name = ?", website, eventName)
                .getFirst().get("event_id");
        Map<String, String> out = new TreeMap<>();
        for (Map<String, Object> r : server.query("SELECT data_key, string_value FROM event_data WHERE website_id = CAST(? AS UUID)"
                + " AND event_id = ?", website, eventId)) {
            out.put((String) r.get("data_key"), (String) r.get("string_value"));
        }
        return out;
    }

    private static boolean commandWorks(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
