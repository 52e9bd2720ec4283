package io.footfall.http;

import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.footfall.testing.Traffic.CHROME_WIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channels as real Umami 3.1 counts them: after every list, a landing from any other site is {@code referral}
 * (github.com, stackoverflow.com, chatgpt.com). Visitors on example.com, 7 March 2026:
 * <pre>
 * G github.com/x  ->  /          S stackoverflow.com/q  ->  /docs, /pricing    C chatgpt.com  ->  /
 * O google.com    ->  /          D no referrer          ->  /                  I own site (example.com/a) -> /b?page=2
 * </pre>
 * Read as sent and after a fold (on DuckDB: from the tail, then the folded rollups; the rebuild by migration V22
 * is io.footfall.duckdb.ChannelRollupRebuildTest's).
 */
public class ChannelReferralTest {
    static final String RANGE = TestServer.range("2026-03-07T00:00:00Z", "2026-03-07T23:59:59.999Z");
    // Channels are per hit: S's second view has no referrer, so S also counts as direct (as in Umami).
    static final String CHANNELS = "[{\"x\":\"referral\",\"y\":3},{\"x\":\"direct\",\"y\":2},{\"x\":\"organicSearch\",\"y\":1}]";
    static final String EXPANDED = "[{\"name\":\"referral\",\"pageviews\":3,\"visitors\":3,\"visits\":3,\"bounces\":3,\"totaltime\":0},"
            + "{\"name\":\"direct\",\"pageviews\":2,\"visitors\":2,\"visits\":2,\"bounces\":2,\"totaltime\":0},"
            + "{\"name\":\"organicSearch\",\"pageviews\":1,\"visitors\":1,\"visits\":1,\"bounces\":1,\"totaltime\":0}]";

    @Test
    void otherSitesAreReferral() {
        try (TestServer server = TestServer.start()) {
            String site = sendTraffic(server);
            check(server, site, "as sent");
            server.fold();
            check(server, site, "folded");
        }
    }

    /** Sends the visitors above to a new website of {@code server}; returns its id. */
    public static String sendTraffic(TestServer server) {
        String site = server.createWebsite("Channels", "example.com");
        Traffic t = new Traffic(server, site);
        t.visitor("G", CHROME_WIN, "DE", null, null).view("2026-03-07T10:00:00Z", "/", "https://github.com/x");
        t.visitor("S", CHROME_WIN, "DE", null, null).view("2026-03-07T11:00:00Z", "/docs", "https://stackoverflow.com/q")
                .view("2026-03-07T11:01:00Z", "/pricing", null);
        t.visitor("C", CHROME_WIN, "DE", null, null).view("2026-03-07T12:00:00Z", "/", "https://chatgpt.com/");
        t.visitor("O", CHROME_WIN, "DE", null, null).view("2026-03-07T13:00:00Z", "/", "https://www.google.com/search?q=x");
        t.visitor("D", CHROME_WIN, "DE", null, null).view("2026-03-07T14:00:00Z", "/", null);
        t.visitor("I", CHROME_WIN, "DE", null, null).view("2026-03-07T15:00:00Z", "/b?page=2", "https://example.com/a");
        return site;
    }

    /** The channel metrics of the visitors above, exact, without and with a filter every hit matches. */
    public static void check(TestServer server, String site, String state) {
        for (String filter : List.of("", "&browser=neq.none")) {
            assertThat(server.websiteJson(site, "metrics?type=channel&" + RANGE + filter).toString()).as(state + filter).isEqualTo(CHANNELS);
            assertThat(server.websiteJson(site, "metrics/expanded?type=channel&" + RANGE + filter).toString()).as(state + filter).isEqualTo(EXPANDED);
        }
    }
}
