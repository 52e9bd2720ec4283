package io.footfall.http;

import io.footfall.testing.ReadRoutes;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regular-expression filters are RE2 syntax on every store: what RE2 (or PostgreSQL's translation of it) cannot read
 * is a 400 naming the parameter on every read route, never a 500 (on PostgreSQL too: RegexFilterSyntaxOnPostgreSqlTest).
 * What each pattern means is RegexFilterParityTest's.
 */
public class RegexFilterSyntaxTest {
    static TestServer server;
    static String site;
    static String session;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        site = server.createWebsite("Regex", "regex.example");
        session = sendPricingView(server, site);
    }

    /** One pageview of {@code /pricing}; returns its session id. */
    public static String sendPricingView(TestServer server, String site) {
        var hit = server.http().send("POST", "/api/send", "{\"type\":\"event\",\"payload\":{\"website\":\"" + site
                + "\",\"hostname\":\"regex.example\",\"url\":\"/pricing\"}}", null,
                Map.of("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"));
        assertThat(hit.status()).isEqualTo(200);
        return hit.json().get("sessionId").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void patternsRe2RejectsAre400OnEveryReadRoute() {
        List<String> rejected = List.of("a{1000}{1000}", "a++", "a{1001}", "(?=a)", "(?<=a)b", "(a)\\1", "a\\Z", "a{256}");
        for (String pattern : rejected) {
            for (String route : ReadRoutes.all(site, session)) {
                var res = server.http().get(route + "&path=" + enc("re." + pattern), server.adminToken());
                assertThat(res.status()).as(route + " with re." + pattern).isEqualTo(400);
                assertThat(res.json().get("error").get("message").asText()).as(route)
                        .startsWith("'path' is not a regular expression the store accepts (");
            }
        }
        var res = server.http().get(ReadRoutes.all(site, session).getFirst() + "&title=" + enc("nre.a++"), server.adminToken());
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.json().get("error").get("message").asText())
                .isEqualTo("'title' is not a regular expression the store accepts (RE2 syntax): invalid nested repetition operator: `++`");
    }

    @Test
    void patternsTheEngineAcceptsStillFilter() {
        String stats = "/api/websites/" + site + "/stats?startAt=0&endAt=4102444800000&path=";
        assertThat(server.http().get(stats + enc("re.^/PRIC[[:alpha:]]+$"), server.adminToken()).json().get("pageviews").asLong())
                .isEqualTo(1);
        assertThat(server.http().get(stats + enc("re.^/p[a-z]{2,5}ng$"), server.adminToken()).json().get("pageviews").asLong())
                .isEqualTo(1);
        assertThat(server.http().get(stats + enc("nre.^/blog"), server.adminToken()).json().get("pageviews").asLong())
                .isEqualTo(1);
        assertThat(server.http().get(stats + enc("re.^/blog"), server.adminToken()).json().get("pageviews").asLong())
                .isEqualTo(0);
        assertThat(server.http().get(stats + enc("re.^/\\pL{7}$"), server.adminToken()).json().get("pageviews").asLong())
                .isEqualTo(1);
    }
}
