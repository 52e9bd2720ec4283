package io.footfall.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.store.Migrations;
import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hit stores, checked through the HTTP API against what a real Umami 3.1 answers for the same
 * traffic: device classes (1920 px is a laptop, no screen still has a device), the URL's path, query and
 * title as Umami stores them, and an empty query string that stays a value.
 */
class StoredLikeUmamiTest {
    static final String IPHONE = Traffic.SAFARI_IPHONE;
    static final String IPAD = "Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1";
    static final String DAY = "2026-05-04T";
    static final String RANGE = TestServer.range("2026-05-04T00:00:00Z", "2026-05-04T23:59:59.999Z");

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One pageview; {@code screen}, {@code referrer} and {@code title} are left out when null. */
    static void view(TestServer on, String site, String visitor, String ua, String screen, String at, String url, String referrer, String title) {
        StringBuilder p = new StringBuilder("{\"type\":\"event\",\"payload\":{\"website\":\"" + site + "\",\"hostname\":\"example.com\"")
                .append(",\"language\":\"en-US\",\"id\":").append(TestServer.quote(visitor))
                .append(",\"timestamp\":").append(Instant.parse(at).getEpochSecond())
                .append(",\"url\":").append(TestServer.quote(url));
        if (screen != null) p.append(",\"screen\":").append(TestServer.quote(screen));
        if (referrer != null) p.append(",\"referrer\":").append(TestServer.quote(referrer));
        if (title != null) p.append(",\"title\":").append(TestServer.quote(title));
        var res = on.http().send("POST", "/api/send", p.append("}}").toString(), null, Map.of("User-Agent", ua));
        assertThat(res.status()).as(res.body()).isEqualTo(200);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonNode get(TestServer on, String site, String route, String params) {
        return on.websiteJson(site, route + "?" + RANGE + (params.isEmpty() ? "" : "&" + params));
    }

    /** metrics rows as "x=y" strings, in the order answered. */
    static List<String> metrics(TestServer on, String site, String params) {
        List<String> rows = new ArrayList<>();
        for (JsonNode r : get(on, site, "metrics", params)) rows.add(r.get("x").asText() + "=" + r.get("y").asLong());
        return rows;
    }

    @Test
    void desktopScreenOf1920IsALaptop() {
        String site = server.createWebsite("Screens", "example.com");
        view(server, site, "a", Traffic.FIREFOX_LINUX, "1920x1080", DAY + "10:00:00Z", "/", null, null);
        view(server, site, "b", Traffic.FIREFOX_LINUX, "2560x1440", DAY + "10:01:00Z", "/", null, null);
        view(server, site, "c", Traffic.CHROME_WIN, "1920x1200", DAY + "10:02:00Z", "/", null, null);
        view(server, site, "d", Traffic.CHROME_WIN, "1921x1080", DAY + "10:03:00Z", "/", null, null);
        assertThat(metrics(server, site, "type=device")).containsExactly("desktop=2", "laptop=2");
        assertThat(get(server, site, "stats", "device=laptop").get("visitors").asLong()).isEqualTo(2);
    }

    @Test
    void hitsWithoutAScreenAreClassedByTheirUserAgent() {
        String site = server.createWebsite("No screen", "example.com");
        view(server, site, "phone", IPHONE, null, DAY + "11:00:00Z", "/", null, null);
        view(server, site, "tablet", IPAD, null, DAY + "11:01:00Z", "/", null, null);
        view(server, site, "linux", Traffic.FIREFOX_LINUX, null, DAY + "11:02:00Z", "/", null, null);
        view(server, site, "windows", Traffic.CHROME_WIN, null, DAY + "11:03:00Z", "/", null, null);
        assertThat(metrics(server, site, "type=device")).containsExactly("desktop=2", "mobile=1", "tablet=1");
        assertThat(server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID AND device IS NULL", site)).isZero();
    }

    @Test
    void queryWithQuotesAndSpacesIsStoredAsTheUrlParserSerialisesIt() {
        String site = server.createWebsite("Query", "example.com");
        view(server, site, "a", Traffic.CHROME_WIN, "1920x1080", DAY + "12:00:00Z", "/search?q=' OR 1=1 --", null, null);
        view(server, site, "b", Traffic.CHROME_WIN, "1920x1080", DAY + "12:01:00Z",
                "/caf%C3%A9 menu/%3F#s%C3%A9ction 2?x=\"y\"", "https://www.news.example/a%20b/?ref=it's <here>#top", "Caf%C3%A9 %26 more");
        // (the other pageview's empty query is no row; rows for missing values are another change's)
        assertThat(metrics(server, site, "type=query")).contains("q=%27%20OR%201=1%20--=1").doesNotContain("=1");
        assertThat(get(server, site, "stats", "query=" + enc("q=%27%20OR%201=1%20--")).get("pageviews").asLong()).isEqualTo(1);
        // the decoded form is not what is stored
        assertThat(get(server, site, "stats", "query=" + enc("q=' OR 1=1 --")).get("pageviews").asLong()).isZero();
        // path and hash decoded as decodeURI does (an escaped '?' stays escaped), title as decodeURIComponent does
        assertThat(metrics(server, site, "type=path")).containsExactly("/café menu/%3F#séction 2?x=\"y\"=1", "/search=1");
        assertThat(metrics(server, site, "type=title")).contains("Café & more=1");
        var row = server.query("SELECT referrer_domain, referrer_path, referrer_query, url_query FROM event WHERE website_id = ?::UUID "
                + "AND referrer_domain IS NOT NULL", site).getFirst();
        assertThat(row).containsEntry("referrer_domain", "news.example").containsEntry("referrer_path", "/a b/")
                .containsEntry("referrer_query", "ref=it%27s%20%3Chere%3E").containsEntry("url_query", "");
    }

    @Test
    void neqKeepsPageviewsWithoutAQueryString() {
        String site = server.createWebsite("Empty query", "example.com");
        view(server, site, "a", Traffic.CHROME_WIN, "1920x1080", DAY + "13:00:00Z", "/", null, null);
        view(server, site, "b", Traffic.CHROME_WIN, "1920x1080", DAY + "13:01:00Z", "/p?", null, null);
        view(server, site, "c", Traffic.CHROME_WIN, "1920x1080", DAY + "13:02:00Z", "/p?x=2", null, null);
        view(server, site, "d", Traffic.CHROME_WIN, "1920x1080", DAY + "13:03:00Z", "/p?x=3", null, null);
        assertThat(server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID AND url_query = ''", site)).isEqualTo(2);
        assertThat(get(server, site, "stats", "query=neq.x=2").get("pageviews").asLong()).isEqualTo(3);
        assertThat(get(server, site, "stats", "query=neq.x=2,x=3").get("pageviews").asLong()).isEqualTo(2);
        assertThat(get(server, site, "stats", "query=ns.").get("pageviews").asLong()).isEqualTo(2);
        // the empty query is a stored value, never a metrics row
        assertThat(metrics(server, site, "type=query")).doesNotContain("=2").contains("x=2=1", "x=3=1");
        server.fold();
        assertThat(get(server, site, "stats", "query=neq.x=2").get("pageviews").asLong()).isEqualTo(3);
        assertThat(metrics(server, site, "type=query")).doesNotContain("=2").contains("x=2=1", "x=3=1");
    }

    @Test
    void migrationTurnsMissingQueriesIntoEmptyOnes(@TempDir Path dir) throws Exception {
        String site;
        String answer;
        TestServer first = TestServer.start(dir, Map.of());
        try {
            site = first.createWebsite("Upgrade", "example.com");
            view(first, site, "a", Traffic.CHROME_WIN, "1920x1080", DAY + "14:00:00Z", "/", "https://google.com/", null);
            view(first, site, "b", Traffic.CHROME_WIN, "1920x1080", DAY + "14:01:00Z", "/p?x=2", null, null);
            first.fold();
            answer = metrics(first, site, "type=query") + " " + get(first, site, "stats", "query=neq.x=2");
            String script = new String(StoredLikeUmamiTest.class.getResourceAsStream("/db/duckdb/V23__empty_query_string.sql").readAllBytes(),
                    StandardCharsets.UTF_8);
            first.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    // as stored before V23: NULL for no query, then the migration
                    st.execute("UPDATE event SET url_query = NULL WHERE url_query = ''");
                    st.execute("UPDATE event SET referrer_query = NULL WHERE referrer_query = ''");
                    for (String sql : Migrations.statements(script)) st.execute(sql);
                }
                return null;
            });
        } finally {
            first.close();
        }
        TestServer again = TestServer.start(dir, Map.of());
        try {
            assertThat(again.count("SELECT count(*) FROM event WHERE url_query IS NULL")).isZero();
            assertThat(again.count("SELECT count(*) FROM event WHERE referrer_query = ''")).isEqualTo(1);
            assertThat(get(again, site, "stats", "query=neq.x=2").get("pageviews").asLong()).isEqualTo(1);
            assertThat(metrics(again, site, "type=query") + " " + get(again, site, "stats", "query=neq.x=2")).isEqualTo(answer);
        } finally {
            again.close();
        }
    }
}
