package io.footfall.http;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each API key gets API_KEY_RATE_LIMIT requests per API_KEY_RATE_WINDOW seconds (50 per 15 by default); then 429. */
class ApiKeyRateLimitTest {

    static String key(TestServer s, String name) {
        return s.http().post("/api/me/api-keys", "{\"name\":\"" + name + "\"}", s.adminToken()).json().get("key").asText();
    }

    static int get(TestServer s, String key) {
        return s.http().send("GET", "/api/me", null, null, Map.of("x-umami-api-key", key)).status();
    }

    @Test
    void theFiftyFirstRequestWithinFifteenSecondsIsRefusedWithRetryAfter() {
        try (TestServer s = TestServer.start()) {
            String key = key(s, "busy");
            String other = key(s, "quiet");
            for (int i = 0; i < 50; i++) assertThat(get(s, key)).as("request " + (i + 1)).isEqualTo(200);
            var refused = s.http().send("GET", "/api/me", null, null, Map.of("x-umami-api-key", key));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 15);
            assertThat(refused.json().at("/error/code").asText()).isEqualTo("too-many-requests");
            // Limits are per key: another key of the same user, and the user's login token, still pass.
            assertThat(get(s, other)).isEqualTo(200);
            assertThat(s.http().get("/api/me", s.adminToken()).status()).isEqualTo(200);
        }
    }

    @Test
    void theLimitAndWindowAreConfigurableAndTheKeyRecoversAfterTheWindow() throws Exception {
        try (TestServer s = TestServer.start(Map.of("API_KEY_RATE_LIMIT", "3", "API_KEY_RATE_WINDOW", "1"))) {
            String key = key(s, "small");
            for (int i = 0; i < 3; i++) assertThat(get(s, key)).isEqualTo(200);
            var refused = s.http().send("GET", "/api/me", null, null, Map.of("x-umami-api-key", key));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            Thread.sleep(1_100);
            assertThat(get(s, key)).isEqualTo(200);
        }
    }
}
