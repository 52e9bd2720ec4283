package io.footfall.http;

import io.footfall.testing.RawHttp;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Login limits that forged forwarding headers can neither dodge nor turn against someone else. */
class LoginLimitTest {
    static final String BAD = "{\"username\":\"admin\",\"password\":\"wrong\"}";

    static int login(TestServer server, String body, String forwardedFor) {
        return server.http().send("POST", "/api/auth/login", body, null,
                forwardedFor == null ? Map.of() : Map.of("X-Forwarded-For", forwardedFor)).status();
    }

    /** A login sent straight from {@code localAddress} (not through the proxy), with the headers given. */
    static RawHttp.Answer loginFrom(TestServer server, String localAddress, String body, String extraHeaders) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + extraHeaders + "Content-Length: " + b.length + "\r\n\r\n";
        byte[] req = new byte[head.length() + b.length];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, req, 0, head.length());
        System.arraycopy(b, 0, req, head.length(), b.length);
        return RawHttp.exchange(server.server().port(), localAddress, req, false, 5000);
    }

    @Test
    void rotatingForwardedForFromAnUntrustedPeerDoesNotDodgeTheLimit() {
        try (TestServer server = TestServer.start(Map.of("LOGIN_MAX_FAILURES", "3", "TRUSTED_PROXIES", "none"))) {
            server.createUser("carol", "carol-password", "user");
            for (int i = 0; i < 3; i++) {
                assertThat(login(server, "{\"username\":\"nobody" + i + "\",\"password\":\"x\"}", "203.0.113." + i)).isEqualTo(401);
            }
            var limited = server.http().send("POST", "/api/auth/login", "{\"username\":\"carol\",\"password\":\"carol-password\"}",
                    null, Map.of("X-Forwarded-For", "203.0.113.99"));
            assertThat(limited.status()).isEqualTo(429);
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 5L);
            assertThat(limited.json().get("error").get("code").asText()).isEqualTo("too-many-requests");
        }
    }

    @Test
    void forgedVictimAddressFromAnUntrustedPeerDoesNotLockTheVictimOut() {
        // The proxy is 127.0.0.1; an attacker connecting from 127.0.0.2 claims the victim's address.
        try (TestServer server = TestServer.start(Map.of("LOGIN_MAX_FAILURES", "3", "TRUSTED_PROXIES", "127.0.0.1"))) {
            server.createUser("victim", "victim-password", "user");
            for (int i = 0; i < 5; i++) {
                RawHttp.Answer a = loginFrom(server, "127.0.0.2", "{\"username\":\"guess" + i + "\",\"password\":\"x\"}",
                        "X-Forwarded-For: 198.51.100.10\r\nX-Real-IP: 198.51.100.10\r\n");
                assertThat(a.status()).isEqualTo(i < 3 ? 401 : 429);
            }
            assertThat(login(server, "{\"username\":\"victim\",\"password\":\"victim-password\"}", "198.51.100.10")).isEqualTo(200);
        }
    }

    @Test
    void oneUsernameGuessedFromManyAddressesIsLimitedWithRetryAfter() {
        try (TestServer server = TestServer.start(Map.of("LOGIN_MAX_FAILURES", "3"))) {
            server.createUser("dave", "dave-password", "user");
            assertThat(login(server, "{\"username\":\"dave\",\"password\":\"dave-password\"}", "192.0.2.44")).isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                assertThat(login(server, "{\"username\":\"dave\",\"password\":\"guess" + i + "\"}", "203.0.113." + (10 + i))).isEqualTo(401);
            }
            var limited = server.http().send("POST", "/api/auth/login", "{\"username\":\"DAVE\",\"password\":\"dave-password\"}",
                    null, Map.of("X-Forwarded-For", "203.0.113.50"));
            assertThat(limited.status()).isEqualTo(429);
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 5L);
            // Where dave logged in before, guessing from elsewhere does not lock him out.
            assertThat(login(server, "{\"username\":\"dave\",\"password\":\"dave-password\"}", "192.0.2.44")).isEqualTo(200);
            // Other accounts from other addresses are unaffected.
            assertThat(login(server, "{\"username\":\"admin\",\"password\":\"umami\"}", "203.0.113.51")).isEqualTo(200);
        }
    }

    @Test
    void theLockIsTemporary() throws InterruptedException {
        try (TestServer server = TestServer.start(Map.of("LOGIN_MAX_FAILURES", "1"))) {
            assertThat(login(server, BAD, "203.0.113.70")).isEqualTo(401);
            var limited = server.http().send("POST", "/api/auth/login", "{\"username\":\"admin\",\"password\":\"umami\"}", null,
                    Map.of("X-Forwarded-For", "203.0.113.70"));
            assertThat(limited.status()).isEqualTo(429);
            Thread.sleep(Long.parseLong(limited.header("Retry-After")) * 1000 + 100);
            assertThat(login(server, "{\"username\":\"admin\",\"password\":\"umami\"}", "203.0.113.70")).isEqualTo(200);
        }
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedLogins() {
        try (TestServer server = TestServer.start(Map.of("LOGIN_MAX_FAILURES", "3"))) {
            server.createUser("erin", "erin-password", "user");
            String token = server.login("erin", "erin-password");
            for (int i = 0; i < 3; i++) {
                var res = server.http().post("/api/me/password", "{\"currentPassword\":\"guess" + i
                        + "\",\"newPassword\":\"new-password\"}", token);
                assertThat(res.status()).isEqualTo(400);
            }
            var limited = server.http().post("/api/me/password",
                    "{\"currentPassword\":\"erin-password\",\"newPassword\":\"new-password\"}", token);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(login(server, "{\"username\":\"erin\",\"password\":\"erin-password\"}", "203.0.113.80")).isEqualTo(429);
        }
    }
}
