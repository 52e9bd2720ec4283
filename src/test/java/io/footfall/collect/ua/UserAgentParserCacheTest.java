package io.footfall.collect.ua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UserAgentParserCacheTest {

    private static final String CHROME_WIN =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    private static final List<String> UAS = List.of(
        CHROME_WIN,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1",
        "curl/8.5.0",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 Umami/v20.11.0");
    private static final List<String> SCREENS = List.of("1920x1080", "390x844", "1366x768", "820x1180");

    @Test
    void repeatedUserAgentIsServedFromCacheWithoutAllocating() {
        UserAgentParser parser = SharedParser.PARSER;
        ClientInfo first = parser.parse(CHROME_WIN, "1536x864");
        int entries = parser.cachedEntries();
        for (int i = 0; i < 1000; i++) {
            assertThat(parser.parse(CHROME_WIN, "1536x864")).isSameAs(first);
        }
        assertThat(parser.cachedEntries()).isEqualTo(entries);
        assertThat(first).isEqualTo(new ClientInfo("chrome", "Windows 10", "laptop"));
        // another screen picks another ready-made answer for the same cached entry
        assertThat(parser.parse(CHROME_WIN, "2560x1440")).isEqualTo(new ClientInfo("chrome", "Windows 10", "desktop"));
        assertThat(parser.cachedEntries()).isEqualTo(entries);
    }

    @Test
    void cacheStaysBounded() {
        LruCache<Integer, Integer> cache = new LruCache<>(100);
        for (int i = 0; i < 10_000; i++) cache.get(i, k -> k * 2);
        assertThat(cache.size()).isLessThanOrEqualTo(100);
        assertThat(cache.get(9_999, k -> -1)).isEqualTo(19_998); // the most recent survives
    }

    @Test
    void manyVirtualThreadsGetTheSameAnswers() throws Exception {
        UserAgentParser parser = SharedParser.PARSER;
        List<ClientInfo> expected = new ArrayList<>();
        List<Boolean> expectedBot = new ArrayList<>();
        for (String ua : UAS) {
            expectedBot.add(parser.isBot(ua));
            for (String screen : SCREENS) expected.add(parser.parse(ua, screen));
        }
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        int threads = 200;
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                int seed = t;
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 500; i++) {
                        int u = (seed + i) % UAS.size();
                        int s = (seed * 7 + i) % SCREENS.size();
                        ClientInfo got = parser.parse(UAS.get(u), SCREENS.get(s));
                        if (!got.equals(expected.get(u * SCREENS.size() + s))) problems.add(UAS.get(u) + " -> " + got);
                        if (parser.isBot(UAS.get(u)) != expectedBot.get(u)) problems.add("bot " + UAS.get(u));
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void tinyCacheUnderContentionStillAnswersCorrectly() throws Exception {
        // a separate LruCache (not the parser: a second yauaa would cost seconds) with constant churn
        LruCache<String, String> cache = new LruCache<>(2);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 100; t++) {
                int seed = t;
                pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String key = "k" + ((seed + i) % 17);
                        String v = cache.get(key, k -> k.toUpperCase());
                        if (!v.equals(key.toUpperCase())) problems.add(key + "=" + v);
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
        assertThat(cache.size()).isLessThanOrEqualTo(2);
    }
}
