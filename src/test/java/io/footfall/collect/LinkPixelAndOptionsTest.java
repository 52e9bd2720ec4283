package io.footfall.collect;

import io.footfall.store.meta.Link;
import io.footfall.store.meta.Pixel;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LinkPixelAndOptionsTest {
    static final String UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Test
    void trackedLinkRedirectsAndRecordsOneLinkEvent() throws Exception {
        try (TestServer s = TestServer.start()) {
            UUID linkId = UUID.randomUUID();
            s.server().stores().meta().insertLink(new Link(linkId, "Docs", "https://example.com/docs?x=1", "docs-link", null, null, Instant.now()));
            var res = s.http().send("GET", "/q/docs-link", null, null, Map.of("User-Agent", UA, "Referer", "https://news.example/item", "X-Forwarded-For", "8.8.8.8"));
            assertThat(res.status()).isEqualTo(307);
            assertThat(res.header("Location")).isEqualTo("https://example.com/docs?x=1");
            var rows = s.query("SELECT event_type, url_path, referrer_domain, browser FROM event WHERE website_id = ?::UUID", linkId.toString());
            assertThat(rows).hasSize(1);
            assertThat(rows.getFirst()).containsEntry("event_type", (short) 3).containsEntry("url_path", "/q/docs-link")
                    .containsEntry("referrer_domain", "news.example").containsEntry("browser", "chrome");
            assertThat(s.http().get("/q/no-such-link", null).status()).isEqualTo(404);
            // as in Umami, the link's hits are readable through the website statistics API under its id
            long now = System.currentTimeMillis();
            var stats = s.http().get("/api/websites/" + linkId + "/stats?startAt=" + (now - 3_600_000) + "&endAt=" + (now + 60_000), s.adminToken()).json();
            assertThat(stats.get("pageviews").asLong()).isEqualTo(1);
            assertThat(stats.get("visitors").asLong()).isEqualTo(1);
            // a bot still gets redirected, but is not counted
            var bot = s.http().send("GET", "/q/docs-link", null, null, Map.of("User-Agent", "curl/8.0"));
            assertThat(bot.status()).isEqualTo(307);
            assertThat(s.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", linkId.toString())).isEqualTo(1);
        }
    }

    @Test
    void pixelAnswersAGifAndRecordsOnePixelEvent() throws Exception {
        try (TestServer s = TestServer.start()) {
            UUID pixelId = UUID.randomUUID();
            s.server().stores().meta().insertPixel(new Pixel(pixelId, "Newsletter", "nl-open", null, null, Instant.now()));
            var res = s.http().send("GET", "/p/nl-open", null, null, Map.of("User-Agent", UA, "X-Forwarded-For", "8.8.4.4"));
            assertThat(res.status()).isEqualTo(200);
            assertThat(res.header("Content-Type")).isEqualTo("image/gif");
            assertThat(res.bytes()).startsWith(new byte[]{'G', 'I', 'F'});
            assertThat(res.header("Cache-Control")).contains("no-store");
            assertThat(s.query("SELECT event_type FROM event WHERE website_id = ?::UUID", pixelId.toString()))
                    .containsExactly(Map.of("event_type", (short) 4));
            assertThat(s.http().get("/p/none", null).status()).isEqualTo(404);
        }
    }

    @Test
    void disableBotCheckAndRemoveTrailingSlash() {
        try (TestServer s = TestServer.start(Map.of("DISABLE_BOT_CHECK", "true", "REMOVE_TRAILING_SLASH", "1"))) {
            String w = s.createWebsite("Opts", "opts.example");
            var res = s.http().send("POST", "/api/send", "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"url\":\"/docs/\"}}",
                    null, Map.of("User-Agent", "curl/8.0"));
            assertThat(res.json().has("sessionId")).isTrue();
            assertThat(s.query("SELECT url_path FROM event WHERE website_id = ?::UUID", w)).containsExactly(Map.of("url_path", "/docs"));
        }
    }

    @Test
    void fullIngestQueueAnswers503WithRetryAfter() {
        try (TestServer s = TestServer.start(Map.of("INGEST_QUEUE_CAPACITY", "1"))) {
            String w = s.createWebsite("Busy", "busy.example");
            String body = "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"url\":\"/\"}}";
            var results = new java.util.concurrent.ConcurrentLinkedQueue<io.footfall.testing.HttpClientForTests.Response>();
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    pool.submit(() -> results.add(s.http().send("POST", "/api/send", body, null,
                            Map.of("User-Agent", UA, "X-Forwarded-For", "8.8." + (n / 250) + "." + (n % 250)))));
                }
            }
            long ok = results.stream().filter(r -> r.status() == 200).count();
            var busy = results.stream().filter(r -> r.status() == 503).toList();
            assertThat(ok + busy.size()).isEqualTo(200);
            busy.forEach(r -> assertThat(r.header("Retry-After")).isNotNull());
            // exactly the acknowledged hits are stored: none dropped silently, none extra
            assertThat(s.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", w)).isEqualTo(ok);
        }
    }
}
