package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/websites/:id/revenue/sessions} over {@link KnownTraffic}: only A's {@code signup} carries a
 * revenue (49.5 EUR); B's carries a currency but no revenue, C's none.
 */
class RevenueSessionsApiTest extends KnownTraffic {

    static JsonNode revenue(String query) {
        return json("/revenue/sessions?" + MARCH + "&" + query);
    }

    @Test
    void theSessionThatPaidWithItsActivity() {
        JsonNode page = revenue("currency=EUR");
        assertThat(page.get("count").asLong()).isEqualTo(1);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("pageSize").asInt()).isEqualTo(20);
        JsonNode a = page.get("data").get(0);
        assertThat(a.get("id").asText()).isEqualTo(sessionA);
        assertThat(a.get("websiteId").asText() + " " + a.get("hostname").asText() + " " + a.get("browser").asText() + " "
                + a.get("country").asText() + " " + a.get("city").asText())
                .isEqualTo(website + " example.com chrome DE Berlin");
        assertThat(a.get("firstAt").asText() + " " + a.get("lastAt").asText() + " " + a.get("createdAt").asText())
                .isEqualTo("2026-03-04T10:00:00.000Z 2026-03-04T11:00:00.000Z 2026-03-04T11:00:00.000Z");
        assertThat(a.get("visits").asLong() + " " + a.get("views").asLong() + " " + a.get("events").asLong()).isEqualTo("2 3 1");
        // the same row the sessions list shows for A
        JsonNode listed = json("/sessions?" + MARCH + "&search=chrome").get("data").get(0);
        assertThat(a).isEqualTo(listed);
    }

    @Test
    void theCurrencyDecidesCaseInsensitively() {
        assertThat(revenue("currency=eur").get("count").asLong()).isEqualTo(1);
        assertThat(revenue("currency=USD").toString()).isEqualTo("{\"data\":[],\"count\":0,\"page\":1,\"pageSize\":20}");
        assertThat(revenue("currency=" + enc("EUR' OR 1=1 --")).get("count").asLong()).isZero();
    }

    @Test
    void filtersSearchAndRangeApply() {
        assertThat(revenue("currency=EUR&country=US").get("count").asLong()).isZero();
        assertThat(revenue("currency=EUR&country=DE").get("count").asLong()).isEqualTo(1);
        assertThat(revenue("currency=EUR&search=CHRO").get("count").asLong()).isEqualTo(1);
        assertThat(revenue("currency=EUR&search=firefox").get("count").asLong()).isZero();
        assertThat(revenue("currency=EUR&search=" + enc("%")).get("count").asLong()).isZero();
        assertThat(revenue("currency=EUR&page=2").get("data")).isEmpty();
        String later = "startAt=" + Instant.parse("2026-03-05T00:00:00Z").toEpochMilli() + "&endAt=" + Instant.parse("2026-03-31T00:00:00Z").toEpochMilli();
        assertThat(json("/revenue/sessions?" + later + "&currency=EUR").get("count").asLong()).isZero();
        // a range cutting the session counts only its activity inside
        String morning = "startAt=" + Instant.parse("2026-03-04T10:03:00Z").toEpochMilli() + "&endAt=" + Instant.parse("2026-03-04T10:30:00Z").toEpochMilli();
        JsonNode cut = json("/revenue/sessions?" + morning + "&currency=EUR").get("data").get(0);
        assertThat(cut.get("visits").asLong() + " " + cut.get("views").asLong() + " " + cut.get("events").asLong()).isEqualTo("1 1 1");
    }

    @Test
    void aCurrencyAndARangeAreRequiredAndStrangersGet401() {
        assertThat(get("/revenue/sessions?" + MARCH).status()).isEqualTo(400);
        assertThat(get("/revenue/sessions?currency=EUR").status()).isEqualTo(400);
        assertThat(server.http().get("/api/websites/" + website + "/revenue/sessions?currency=EUR&" + MARCH, null).status()).isEqualTo(401);
        server.createUser("payer", "payer-pass", "user");
        String stranger = server.login("payer", "payer-pass");
        assertThat(server.http().get("/api/websites/" + website + "/revenue/sessions?currency=EUR&" + MARCH, stranger).status()).isEqualTo(401);
    }
}
