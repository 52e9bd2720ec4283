package io.footfall.store.postgres;

import io.footfall.http.RegexFilterSyntaxTest;
import io.footfall.testing.ReadRoutes;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import static io.footfall.http.RegexFilterSyntaxTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL judges regular-expression filters with its own engine ({@code ~*}, as Umami on PostgreSQL): look-around
 * filters, and what it cannot compile ({@code \pL}, repetitions over 255) is a 400 naming its complaint on every read
 * route, never a 500. (DuckDB's RE2 judges these differently: io.footfall.duckdb.Re2FilterSyntaxTest.)
 */
class PostgresRegexFilterTest {

    @Test
    void theEnginesComplaintsAre400AndLookAroundFilters() {
        try (TestServer server = TestServer.startPostgres()) {
            assertThat(server.backend()).isEqualTo("postgresql");
            String site = server.createWebsite("Regex", "regex.example");
            String session = RegexFilterSyntaxTest.sendPricingView(server, site);
            for (String pattern : new String[]{"\\pL{8}", "a{256}"}) {
                for (String route : ReadRoutes.all(site, session)) {
                    var res = server.http().get(route + "&path=" + enc("re." + pattern), server.adminToken());
                    assertThat(res.status()).as(route + " with re." + pattern).isEqualTo(400);
                    assertThat(res.json().get("error").get("message").asText()).as(route)
                            .startsWith("'path' is not a regular expression the store accepts (PostgreSQL regular expression syntax): ");
                }
            }
            var res = server.http().get(ReadRoutes.all(site, session).getFirst() + "&path=" + enc("re.a++"), server.adminToken());
            assertThat(res.json().get("error").get("message").asText())
                    .isEqualTo("'path' is not a regular expression the store accepts (PostgreSQL regular expression syntax): quantifier operand invalid");
            String stats = "/api/websites/" + site + "/stats?startAt=0&endAt=4102444800000&path=";
            assertThat(server.http().get(stats + enc("re.^/(?=pri)"), server.adminToken()).json().get("pageviews").asLong()).isEqualTo(1);
            assertThat(server.http().get(stats + enc("re.^/(?!pri)"), server.adminToken()).json().get("pageviews").asLong()).isZero();
        }
    }
}
