package io.footfall.http.tinytrail;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin key chosen by ADMIN_API_KEY, the per-key rate limit with Retry-After, and /health when the store is gone. */
class TinyTrailBootstrapAndLimitsTest {
    static final String CHOSEN = "operator-chosen-admin-key-0123";

    @Test
    void adminApiKeyIsUsedInsteadOfAGeneratedOneAndSurvivesRestarts() throws Exception {
        var dir = Files.createTempDirectory("footfall-tt");
        try (TestServer server = TestServer.start(dir, Map.of("ADMIN_API_KEY", CHOSEN))) {
            assertThat(Files.exists(server.dataDir().resolve("admin-api-key"))).isFalse();
            var res = server.http().send("GET", "/api/v1/accounts", null, null, Map.of("X-API-KEY", CHOSEN));
            assertThat(res.status()).as(res.body()).isEqualTo(200);
            assertThat(res.body()).isEqualTo("{\"status\":\"success\",\"data\":[]}");
        }
        try (TestServer server = TestServer.start(dir, Map.of("ADMIN_API_KEY", CHOSEN))) {
            assertThat(server.count("SELECT COUNT(*) FROM api_key")).isEqualTo(1);
            assertThat(server.http().send("GET", "/api/v1/users", null, null, Map.of("X-API-KEY", CHOSEN)).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void theGeneratedKeyIsMadeOnceOnly() throws Exception {
        var dir = Files.createTempDirectory("footfall-tt");
        String first;
        try (TestServer server = TestServer.start(dir, Map.of())) {
            first = Files.readString(dir.resolve("admin-api-key")).trim();
        }
        try (TestServer server = TestServer.start(dir, Map.of())) {
            assertThat(Files.readString(dir.resolve("admin-api-key")).trim()).isEqualTo(first);
            assertThat(server.count("SELECT COUNT(*) FROM api_key")).isEqualTo(1);
            assertThat(server.http().send("GET", "/api/v1/users", null, null, Map.of("X-API-KEY", first)).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aKeyOverItsLimitIsToldWhenToRetry() throws Exception {
        try (TestServer server = TestServer.start(Map.of("TINYTRAIL_API_RATE_LIMIT", "3", "TINYTRAIL_API_RATE_WINDOW", "120"))) {
            String key = Files.readString(server.dataDir().resolve("admin-api-key")).trim();
            for (int i = 0; i < 3; i++) {
                assertThat(server.http().send("GET", "/api/v1/accounts", null, null, Map.of("X-API-KEY", key)).status())
                        .isEqualTo(200);
            }
            var limited = server.http().send("GET", "/api/v1/accounts", null, null, Map.of("X-API-KEY", key));
            assertThat(limited.status()).isEqualTo(429);
            long retry = Long.parseLong(limited.header("retry-after"));
            assertThat(retry).isBetween(1L, 120L);
            assertThat(limited.body()).isEqualTo("{\"status\":\"error\",\"error\":{\"code\":\"RATE_LIMITED\","
                    + "\"message\":\"Rate limit exceeded, retry in " + retry + " s\"}}");
            // Counted per key: a missing key is still just unauthorized.
            assertThat(server.http().send("GET", "/api/v1/accounts", null, null, Map.of()).status()).isEqualTo(401);
        }
    }

    @Test
    void healthIsDegradedWhenTheStoreIsUnreachable() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.http().get("/health", null).status()).isEqualTo(200);
            server.server().stores().connections().close();
            var res = server.http().get("/health", null);
            assertThat(res.status()).isEqualTo(503);
            assertThat(res.body()).isEqualTo("{\"status\":\"degraded\",\"db\":\"disconnected\"}");
        }
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorInTheEnvelope() throws Exception {
        try (TestServer server = TestServer.start()) {
            String key = java.nio.file.Files.readString(server.dataDir().resolve("admin-api-key")).trim();
            assertThat(server.http().send("GET", "/api/v1/accounts", null, null, Map.of("X-API-KEY", key)).status()).isEqualTo(200);
            server.server().stores().connections().close();
            var res = server.http().send("GET", "/api/v1/accounts", null, null, Map.of("X-API-KEY", key));
            assertThat(res.status()).isEqualTo(500);
            assertThat(res.body()).isEqualTo("{\"status\":\"error\",\"error\":{\"code\":\"INTERNAL_ERROR\","
                    + "\"message\":\"Internal server error\"}}");
        }
    }
}
