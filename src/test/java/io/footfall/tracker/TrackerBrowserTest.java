package io.footfall.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The tracker in a real browser: Debian's Chromium, driven by tracker/test/run-scenarios.mjs,
 * loads test pages that embed this server's /script.js, and every assertion reads what the server
 * stored. Each scenario tags its hits {@code t-<name>} and uses the path prefix {@code /<name>/}.
 * Skipped only when node or /usr/bin/chromium is missing (CI installs both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackerBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path TRACKER_DIR = Path.of("tracker").toAbsolutePath();

    private TestServer server;
    private String website;
    private JsonNode summary;

    @BeforeAll
    void runScenariosInChromium() throws Exception {
        assumeThat(commandWorks(TRACKER_DIR, "node", "--version"))
                .as("node is not installed: skipping the tracker browser test").isTrue();
        assumeThat(Files.isExecutable(CHROMIUM))
                .as("/usr/bin/chromium is not installed: skipping the tracker browser test").isTrue();
        if (!Files.isDirectory(TRACKER_DIR.resolve("node_modules/playwright-core"))) {
            assertThat(commandWorks(TRACKER_DIR, "npm", "ci", "--no-audit", "--no-fund")).as("npm ci in tracker/").isTrue();
        }

        server = TestServer.start();
        website = server.createWebsite("Tracker scenarios", "127.0.0.1");

        Path out = Files.createTempFile("tracker-scenarios", ".json");
        Process process = new ProcessBuilder("node", "test/run-scenarios.mjs", "--base", server.baseUrl(), "--website", website)
                .directory(TRACKER_DIR.toFile())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("run-scenarios.mjs did not finish in 5 minutes");
        }
        String json = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        assertThat(json).as("scenario summary (exit code %d)", process.exitValue()).startsWith("{");
        summary = new ObjectMapper().readTree(json);
        // The performance hit leaves while its page unloads; give the server a moment to store it.
        for (int i = 0; i < 50 && count("event_type = 5") == 0; i++) Thread.sleep(100);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void browserSentWhatEveryScenarioExpects() {
        List<String> problems = new ArrayList<>();
        for (JsonNode s : summary.get("scenarios")) {
            for (JsonNode p : s.get("problems")) problems.add(s.get("name").asText() + ": " + p.asText());
        }
        assertThat(problems).isEmpty();
        assertThat(summary.get("passed").asInt()).isEqualTo(16);
    }

    @Test
    void defaultPageviewStoresPageReferrerCampaignAndClient() {
        List<Map<String, Object>> rows = events("t-default");
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.getFirst();
        assertThat(row.get("event_type")).isEqualTo((short) 1);
        assertThat(row.get("event_name")).isNull();
        assertThat(row.get("hostname")).isEqualTo("127.0.0.1");
        assertThat(row.get("url_path")).isEqualTo("/default/index.html#top");
        assertThat(row.get("url_query")).isEqualTo("q=1&utm_source=news");
        assertThat(row.get("utm_source")).isEqualTo("news");
        assertThat(row.get("page_title")).isEqualTo("Default page");
        assertThat(row.get("referrer_domain")).isEqualTo("google.com");
        assertThat(row.get("referrer_path")).isEqualTo("/search");
        assertThat(row.get("referrer_query")).isEqualTo("q=footfall");
        assertThat(row.get("screen")).isEqualTo("2560x1440");
        assertThat(row.get("language")).isEqualTo("en-US");
        assertThat(row.get("browser")).isEqualTo("chrome");
        assertThat(row.get("os")).isEqualTo("Linux");
        // Wider than 1920: a desktop whichever way the 1920 boundary is read.
        assertThat(row.get("device")).isEqualTo("desktop");
        assertThat(row.get("distinct_id")).isNull();
    }

    @Test
    void doNotTrackIsRespectedOnlyWhenTheSiteOptsIn() {
        assertThat(events("t-dnt-on")).isEmpty();
        assertThat(count("url_path LIKE '/dnt-on/%'")).isZero();
        assertThat(names("t-dnt-off")).containsExactlyInAnyOrder("(pageview) /dnt-off/index.html", "dnt-off-event");
        assertThat(names("t-dnt-ignored")).containsExactly("(pageview) /dnt-ignored/index.html");
    }

    @Test
    void domainsListDecidesWhetherThisHostIsTracked() {
        assertThat(events("t-domains-mismatch")).isEmpty();
        assertThat(count("url_path LIKE '/domains-mismatch/%'")).isZero();
        assertThat(names("t-domains-match")).containsExactly("(pageview) /domains-match/index.html");
    }

    @Test
    void excludeSearchAndHashStripTheUrlAndSuppressQueryOnlyNavigations() {
        List<Map<String, Object>> rows = events("t-exclude");
        assertThat(rows).extracting(r -> r.get("url_path")).containsExactly("/exclude/index.html", "/exclude/next.html");
        assertThat(rows).extracting(r -> blank(r.get("url_query"))).containsExactly(true, true);
        assertThat(rows.get(1).get("referrer_path")).isEqualTo("/exclude/index.html");
    }

    @Test
    void beforeSendCanCancelEverything() {
        assertThat(events("t-before-send-cancel")).isEmpty();
        assertThat(count("url_path LIKE '/before-send-cancel/%'")).isZero();
    }

    @Test
    void beforeSendCanRewriteAndDropSingleHits() {
        List<Map<String, Object>> rows = events("t-before-send-rewrite");
        assertThat(rows).extracting(r -> r.get("event_name")).containsExactlyInAnyOrder(null, "kept");
        assertThat(rows).extracting(r -> r.get("url_path")).containsOnly("/before-send-rewrite/rewritten");
        assertThat(rows).extracting(r -> r.get("page_title")).containsOnly("Rewritten event");
        assertThat(eventData("kept")).containsExactly(Map.entry("n", "2:1"));
        assertThat(count("event_name = 'drop-me'")).isZero();
    }

    @Test
    void autoTrackOffRecordsOnlyManualCallsForEveryTrackOverload() {
        assertThat(names("t-manual")).containsExactlyInAnyOrder(
                "(pageview) /manual/index.html", "manual-event", "manual-data", "fn-event");
        assertThat(count("event_name = 'not-auto'")).isZero();

        Map<String, Object> custom = single("url_path = '/manual/custom-object'");
        assertThat(custom.get("event_type")).isEqualTo((short) 1);
        assertThat(custom.get("page_title")).isEqualTo("Custom object");
        assertThat(custom.get("tag")).isNull();

        assertThat(single("event_name = 'fn-event'").get("url_path")).isEqualTo("/manual/from-function");
        assertThat(eventData("fn-event")).containsExactly(Map.entry("via", "1:fn"));
        assertThat(eventData("manual-data")).containsOnly(
                Map.entry("plan", "1:pro"),
                Map.entry("seats", "2:3"),
                Map.entry("trial", "3:true"),
                Map.entry("tags", "5:[\"a\",\"b\"]"),
                Map.entry("nested.level", "2:2"));
    }

    @Test
    void cacheTokenKeepsOnePageInOneSessionAndVisit() {
        List<Map<String, Object>> rows = events("t-manual");
        assertThat(rows).hasSize(4);
        assertThat(rows).extracting(r -> r.get("session_id")).containsOnly(rows.getFirst().get("session_id"));
        assertThat(rows).extracting(r -> r.get("visit_id")).containsOnly(rows.getFirst().get("visit_id"));
    }

    @Test
    void spaNavigationRecordsEachNewUrlOnceWithThePreviousUrlAsReferrer() {
        List<Map<String, Object>> rows = events("t-spa");
        assertThat(rows).extracting(r -> r.get("url_path"))
                .containsExactly("/spa/index.html", "/spa/a", "/spa/b", "/spa/a");
        assertThat(rows).extracting(r -> blank(r.get("referrer_path")) ? null : r.get("referrer_path"))
                .containsExactly(null, "/spa/index.html", "/spa/a", "/spa/b");
        // Like Umami, the collector stores a same-site referrer's domain; reports exclude it at query time.
        assertThat(rows).extracting(r -> r.get("referrer_domain"))
                .containsExactly(null, rows.get(1).get("hostname"), rows.get(1).get("hostname"), rows.get(1).get("hostname"));
        assertThat(rows).extracting(r -> r.get("page_title")).containsExactly("SPA home", "SPA A", "SPA B", "SPA B");
        assertThat(rows).extracting(r -> r.get("visit_id")).containsOnly(rows.getFirst().get("visit_id"));
    }

    @Test
    void clickEventsCarryTheirDataAttributesAndLinksStillNavigate() {
        assertThat(names("t-click")).containsExactlyInAnyOrder(
                "(pageview) /click/index.html", "signup-button", "card-click", "blank-link", "outbound-link",
                "(pageview) /click/next.html");
        assertThat(eventData("signup-button")).containsOnly(Map.entry("email", "1:bob@example.com"), Map.entry("id", "1:123"));
        assertThat(eventData("card-click")).containsOnly(Map.entry("plan", "1:pro"));
        assertThat(eventData("outbound-link")).containsOnly(Map.entry("dest", "1:next"));
        assertThat(eventData("blank-link")).isEmpty();
        assertThat(count("url_path = '/click/blank.html'")).isZero();
    }

    @Test
    void identifySetsTheDistinctIdAndSavesSessionData() {
        List<Map<String, Object>> rows = events("t-identify");
        assertThat(names("t-identify")).containsExactlyInAnyOrder("(pageview) /identify/index.html", "after-identify");
        Map<String, Object> pageview = rows.stream().filter(r -> r.get("event_name") == null).findFirst().orElseThrow();
        Map<String, Object> after = single("event_name = 'after-identify'");
        assertThat(pageview.get("distinct_id")).isNull();
        assertThat(after.get("distinct_id")).isEqualTo("user-42");
        assertThat(after.get("session_id")).as("an identified user is a session of its own").isNotEqualTo(pageview.get("session_id"));
        assertThat(eventData("after-identify")).containsExactly(Map.entry("step", "2:1"));

        assertThat(sessionData(after.get("session_id"))).containsOnly(
                Map.entry("name", "1:Bob"), Map.entry("age", "2:42"), Map.entry("vip", "3:true"));
        assertThat(sessionData(pageview.get("session_id"))).containsOnly(Map.entry("company", "1:Acme"));
        assertThat(server.query("SELECT DISTINCT distinct_id FROM session_data WHERE website_id = CAST(? AS UUID) AND data_key = 'name'", website))
                .extracting(r -> r.get("distinct_id")).containsExactly("user-42");
    }

    @Test
    void localStorageDisableStopsAllTracking() {
        assertThat(events("t-disabled")).isEmpty();
        assertThat(count("url_path LIKE '/disabled/%'")).isZero();
    }

    @Test
    void hostUrlSendsToTheGivenServerWhenTheScriptComesFromElsewhere() {
        assertThat(names("t-host-url")).containsExactly("(pageview) /host-url/index.html");
    }

    @Test
    void performanceMetricsArriveOncePerPage() {
        assertThat(names("t-performance")).containsExactly("(pageview) /performance/index.html", "(type 5) /performance/index.html");
        List<Map<String, Object>> rows = server.query(
                "SELECT * FROM event WHERE website_id = CAST(? AS UUID) AND event_type = 5", website);
        assertThat(rows).hasSize(1);
        Map<String, Object> perf = rows.getFirst();
        assertThat(perf.get("url_path")).isEqualTo("/performance/index.html");
        assertThat(perf.get("page_title")).isEqualTo("performance page");
        assertThat(perf.get("browser")).isEqualTo("chrome");
        for (String metric : List.of("lcp", "fcp", "ttfb")) {
            assertThat((Double) perf.get(metric)).as(metric).isNotNull().isGreaterThanOrEqualTo(0.0);
        }
        assertThat((Double) perf.get("inp")).as("inp covers the 120 ms click handler").isGreaterThanOrEqualTo(100.0);
        assertThat((Double) perf.get("cls")).as("cls of the 300 px shift").isGreaterThan(0.0).isLessThan(1.0);
    }

    // --- reading the store ---

    /** Event rows of one scenario tag, oldest first. */
    private List<Map<String, Object>> events(String tag) {
        return server.query("SELECT * FROM event WHERE website_id = CAST(? AS UUID) AND tag = ? ORDER BY created_at", website, tag);
    }

    /** One scenario's events: the name of a custom event, "(pageview) path" or "(type N) path" otherwise. */
    private List<String> names(String tag) {
        return events(tag).stream()
                .map(r -> r.get("event_name") != null ? (String) r.get("event_name")
                        : ((Number) r.get("event_type")).intValue() == 1 ? "(pageview) " + r.get("url_path")
                        : "(type " + r.get("event_type") + ") " + r.get("url_path"))
                .toList();
    }

    private long count(String where) {
        return server.count("SELECT count(*) FROM event WHERE website_id = CAST(? AS UUID) AND " + where, website);
    }

    private Map<String, Object> single(String where) {
        List<Map<String, Object>> rows = server.query("SELECT * FROM event WHERE website_id = CAST(? AS UUID) AND " + where, website);
        assertThat(rows).as(where).hasSize(1);
        return rows.getFirst();
    }

    /** Event data of the (single) event with this name, as key → "type:value". */
    private Map<String, String> eventData(String eventName) {
        Object eventId = single("event_name = '" + eventName + "'").get("event_id");
        return typedValues(server.query(
                "SELECT * FROM event_data WHERE website_id = CAST(? AS UUID) AND event_id = ?", website, eventId));
    }

    private Map<String, String> sessionData(Object sessionId) {
        return typedValues(server.query(
                "SELECT * FROM session_data WHERE website_id = CAST(? AS UUID) AND session_id = ?", website, sessionId));
    }

    private static Map<String, String> typedValues(List<Map<String, Object>> rows) {
        Map<String, String> values = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> r : rows) {
            String key = (String) r.get("data_key");
            assertThat(seen.add(key)).as("duplicate data key " + key).isTrue();
            Object number = r.get("number_value");
            String value = number != null
                    ? ((BigDecimal) number).stripTrailingZeros().toPlainString()
                    : String.valueOf(r.get("string_value"));
            values.put(key, r.get("data_type") + ":" + value);
        }
        return values;
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isEmpty();
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
