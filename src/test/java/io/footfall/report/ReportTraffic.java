package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A known data set for the report tests, sent through {@code /api/send} (all times UTC; Berlin is UTC+1 in March):
 * <ul>
 * <li>v1 (Chrome, DE-BE): Mon 2026-03-02 10:00 {@code /} from google.com, 10:05 {@code /pricing}, 10:10 event {@code signup}.</li>
 * <li>v2 (Safari iPhone, US-CA): 11:00 {@code /pricing}, then 11:05 {@code /} — step 2 before step 1.</li>
 * <li>v3 (Firefox, FR-IDF): 12:00 {@code /?utm_source=news&utm_medium=email&utm_campaign=spring}; a new visit 13:30
 * {@code /features} from bing.com, 13:31 {@code /pricing} (91 minutes after {@code /}).</li>
 * <li>v4 (Chrome, DE-BE): 14:00 {@code /blog/a} from github.com, 14:01 {@code /pricing}, 14:02 {@code purchase} 10 USD.</li>
 * <li>v5 (Safari iPhone, US-CA): Tue 03-03 09:00 {@code /?gclid=abc&utm_source=google&utm_medium=cpc}, 09:02 {@code purchase}
 * 25.5 "usd", 09:03 {@code purchase} 7 EUR, 09:04 {@code purchase} without revenue data.</li>
 * <li>v6 (Firefox, DE-BE): 03-02 22:50 {@code /}, 23:10 {@code /pricing} (across midnight in Berlin); a new visit
 * Wed 03-04 09:00 {@code /}.</li>
 * </ul>
 */
abstract class ReportTraffic {
    static final String MARCH = "\"startDate\":\"2026-03-01T00:00:00.000Z\",\"endDate\":\"2026-03-31T23:59:59.999Z\"";

    static TestServer server;
    static String website;

    @BeforeAll
    static void sendKnownTraffic() {
        server = TestServer.start();
        website = server.createWebsite("Reports", "example.com");
        Traffic t = new Traffic(server, website);
        t.visitor("v1", Traffic.CHROME_WIN, "DE", "BE", "Berlin")
                .view("2026-03-02T10:00:00Z", "/", "https://google.com/search")
                .view("2026-03-02T10:05:00Z", "/pricing", null)
                .event("2026-03-02T10:10:00Z", "/pricing", "signup");
        t.visitor("v2", Traffic.SAFARI_IPHONE, "US", "CA", "San Francisco")
                .view("2026-03-02T11:00:00Z", "/pricing", null)
                .view("2026-03-02T11:05:00Z", "/", null);
        t.visitor("v3", Traffic.FIREFOX_LINUX, "FR", "IDF", "Paris")
                .view("2026-03-02T12:00:00Z", "/?utm_source=news&utm_medium=email&utm_campaign=spring", null)
                .view("2026-03-02T13:30:00Z", "/features", "https://bing.com/")
                .view("2026-03-02T13:31:00Z", "/pricing", null);
        t.visitor("v4", Traffic.CHROME_WIN, "DE", "BE", "Berlin")
                .view("2026-03-02T14:00:00Z", "/blog/a", "https://github.com/x")
                .view("2026-03-02T14:01:00Z", "/pricing", null)
                .eventWithData("2026-03-02T14:02:00Z", "/pricing", "purchase", "{\"revenue\":10,\"currency\":\"USD\"}");
        t.visitor("v5", Traffic.SAFARI_IPHONE, "US", "CA", "San Francisco")
                .view("2026-03-03T09:00:00Z", "/?gclid=abc&utm_source=google&utm_medium=cpc", null)
                .eventWithData("2026-03-03T09:02:00Z", "/checkout", "purchase", "{\"revenue\":25.5,\"currency\":\"usd\"}")
                .eventWithData("2026-03-03T09:03:00Z", "/checkout", "purchase", "{\"revenue\":7,\"currency\":\"EUR\"}")
                .eventWithData("2026-03-03T09:04:00Z", "/checkout", "purchase", "{\"plan\":\"pro\"}");
        t.visitor("v6", Traffic.FIREFOX_LINUX, "DE", "BE", "Berlin")
                .view("2026-03-02T22:50:00Z", "/", null)
                .view("2026-03-02T23:10:00Z", "/pricing", null)
                .view("2026-03-04T09:00:00Z", "/", null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpClientForTests.Response post(String path, String body, String token) {
        return server.http().post("/api/reports/" + path, body, token);
    }

    /** Runs a report as admin over March: {@code parameters} and {@code filters} are JSON members without braces. */
    static JsonNode report(String type, String parameters, String filters) {
        var res = post(type, body(type, parameters, filters), server.adminToken());
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json();
    }

    static JsonNode report(String type, String parameters) {
        return report(type, parameters, "");
    }

    static String body(String type, String parameters, String filters) {
        return "{\"websiteId\":\"" + website + "\",\"type\":\"" + type + "\",\"filters\":{" + filters + "},\"parameters\":{"
                + MARCH + (parameters.isEmpty() ? "" : "," + parameters) + "}}";
    }
}
