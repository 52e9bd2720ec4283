package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/websites/:id/revenue/sessions} paged, over {@link KnownTraffic} (A paid 49.5 EUR on Mar 4) plus
 * D, who paid 10 eur on a <em>pageview</em> (Mar 7 09:00, then one more view at 09:10), E, who paid 5 EUR on a custom
 * event (Mar 8 12:00), and F, who paid 7 USD (Mar 9). Newest last activity first: E, D, A.
 */
class RevenueSessionsPagingTest extends KnownTraffic {
    static String sessionD;
    static String sessionE;
    static String sessionF;

    @BeforeAll
    static void sendPayments() {
        Visitor d = new Visitor(CHROME_WIN, "1920x1080", "8.8.8.11", "de-DE", "DE", "BY", "Munich", null);
        Visitor e = new Visitor(SAFARI_IPHONE, "390x844", "8.8.8.12", "en-US", "US", "NY", "New York", null);
        Visitor f = new Visitor(FIREFOX_LINUX, "1536x864", "8.8.8.13", "en-GB", "GB", null, "London", null);
        sessionD = d.send("event", "2026-03-07T09:00:00Z", "\"hostname\":\"example.com\",\"url\":\"https://example.com/checkout\","
                + "\"data\":{\"revenue\":10,\"currency\":\"eur\"}");
        d.view("2026-03-07T09:10:00Z", "example.com", "/thanks");
        sessionE = e.event("2026-03-08T12:00:00Z", "example.com", "/", "buy", "{\"revenue\":5,\"currency\":\"EUR\"}");
        sessionF = f.event("2026-03-09T12:00:00Z", "example.com", "/", "buy", "{\"revenue\":7,\"currency\":\"USD\"}");
    }

    static JsonNode page(String query) {
        return json("/revenue/sessions?" + MARCH + "&" + query);
    }

    @Test
    void everyPageCountsAllPayingSessionsNewestFirst() {
        assertThat(ids(page("currency=EUR"))).containsExactly(sessionE + "@example.com", sessionD + "@example.com",
                sessionA + "@example.com");
        List<String> seen = new java.util.ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            JsonNode one = page("currency=EUR&pageSize=1&page=" + p);
            assertThat(one.get("count").asLong()).as("page " + p).isEqualTo(3);
            assertThat(one.get("page").asInt()).isEqualTo(p);
            assertThat(one.get("pageSize").asInt()).isEqualTo(1);
            seen.addAll(ids(one));
        }
        assertThat(seen).containsExactly(sessionE + "@example.com", sessionD + "@example.com", sessionA + "@example.com");
        // past the end: no rows, the count all the same
        assertThat(page("currency=EUR&pageSize=1&page=4").toString()).isEqualTo("{\"data\":[],\"count\":3,\"page\":4,\"pageSize\":1}");
    }

    @Test
    void aPaymentOnAPageviewCountsWithItsSessionsActivity() {
        JsonNode d = page("currency=EUR").get("data").get(1);
        assertThat(d.get("id").asText()).isEqualTo(sessionD);
        assertThat(d.get("browser").asText() + " " + d.get("city").asText() + " " + d.get("firstAt").asText() + " " + d.get("lastAt").asText())
                .isEqualTo("chrome Munich 2026-03-07T09:00:00.000Z 2026-03-07T09:10:00.000Z");
        assertThat(d.get("visits").asLong() + " " + d.get("views").asLong() + " " + d.get("events").asLong()).isEqualTo("1 2 0");
        // the pageview payment alone in the range still makes its session a payer
        String payment = "startAt=" + java.time.Instant.parse("2026-03-07T08:59:00Z").toEpochMilli() + "&endAt="
                + java.time.Instant.parse("2026-03-07T09:01:00Z").toEpochMilli();
        assertThat(ids(json("/revenue/sessions?" + payment + "&currency=EUR"))).containsExactly(sessionD + "@example.com");
    }

    @Test
    void anotherCurrencyHasItsOwnPayers() {
        JsonNode usd = page("currency=usd");
        assertThat(ids(usd)).containsExactly(sessionF + "@example.com");
        assertThat(usd.get("count").asLong()).isEqualTo(1);
        assertThat(page("currency=GBP").toString()).isEqualTo("{\"data\":[],\"count\":0,\"page\":1,\"pageSize\":20}");
    }
}
