package io.footfall.duckdb;

import io.footfall.http.RegexFilterSyntaxTest;
import io.footfall.testing.ReadRoutes;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.footfall.http.RegexFilterSyntaxTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DuckDB judges regular-expression filters with RE2: it rejects what Java's {@code Pattern} accepts (look-around,
 * back-references, {@code \Z}), each a 400 naming RE2's complaint, and reads {@code \pL}. (PostgreSQL's engine judges
 * these differently: PostgresRegexFilterTest.)
 */
class Re2FilterSyntaxTest {

    @Test
    void patternsJavaAcceptsButRe2RejectsAre400OnEveryReadRoute() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.backend()).isEqualTo("duckdb");
            String site = server.createWebsite("Regex", "regex.example");
            String session = RegexFilterSyntaxTest.sendPricingView(server, site);
            for (String pattern : List.of("(?=a)", "(?<=a)b", "(a)\\1", "a\\Z")) {
                for (String route : ReadRoutes.all(site, session)) {
                    var res = server.http().get(route + "&path=" + enc("re." + pattern), server.adminToken());
                    assertThat(res.status()).as(route + " with re." + pattern).isEqualTo(400);
                    assertThat(res.json().get("error").get("message").asText()).as(route)
                            .startsWith("'path' is not a regular expression the store accepts (RE2 syntax): ");
                }
            }
            var res = server.http().get(ReadRoutes.all(site, session).getFirst() + "&title=" + enc("nre.(?=x)"), server.adminToken());
            assertThat(res.status()).isEqualTo(400);
            assertThat(res.json().get("error").get("message").asText())
                    .isEqualTo("'title' is not a regular expression the store accepts (RE2 syntax): invalid perl operator: (?=");
            String stats = "/api/websites/" + site + "/stats?startAt=0&endAt=4102444800000&path=";
            assertThat(server.http().get(stats + enc("re.\\pL{8}"), server.adminToken()).json().get("pageviews").asLong()).isZero();
        }
    }
}
