package io.footfall.http;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("LOGIN_MAX_FAILURES", "3"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginWithDefaultAdminReturnsTokenAndUser() {
        var res = server.http().post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"umami\"}", null);
        assertThat(res.status()).isEqualTo(200);
        var json = res.json();
        assertThat(json.get("token").asText()).isNotBlank();
        assertThat(json.get("user").get("username").asText()).isEqualTo("admin");
        assertThat(json.get("user").get("role").asText()).isEqualTo("admin");
        assertThat(json.get("user").get("isAdmin").asBoolean()).isTrue();
        assertThat(json.get("user").get("id").asText()).hasSize(36);
        assertThat(json.get("user").get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void wrongPasswordIs401() {
        var res = server.http().send("POST", "/api/auth/login", "{\"username\":\"admin\",\"password\":\"nope\"}", null,
                Map.of("X-Forwarded-For", "203.0.113.50"));
        assertThat(res.status()).isEqualTo(401);
        assertThat(res.json().get("error").get("message").asText()).contains("Incorrect");
    }

    @Test
    void unknownUserIs401() {
        var res = server.http().send("POST", "/api/auth/login", "{\"username\":\"ghost\",\"password\":\"umami\"}", null,
                Map.of("X-Forwarded-For", "203.0.113.51"));
        assertThat(res.status()).isEqualTo(401);
    }

    @Test
    void missingFieldsAre400() {
        assertThat(server.http().post("/api/auth/login", "{\"username\":\"admin\"}", null).status()).isEqualTo(400);
        assertThat(server.http().post("/api/auth/login", "{\"password\":\"umami\"}", null).status()).isEqualTo(400);
        assertThat(server.http().post("/api/auth/login", "{}", null).status()).isEqualTo(400);
    }

    @Test
    void malformedJsonAndWrongTypesAre400() {
        assertThat(server.http().post("/api/auth/login", "{\"username\":", null).status()).isEqualTo(400);
        assertThat(server.http().post("/api/auth/login", "[1,2]", null).status()).isEqualTo(400);
        assertThat(server.http().post("/api/auth/login", "{\"username\":5,\"password\":\"x\"}", null).status()).isEqualTo(400);
        assertThat(server.http().post("/api/auth/login", "", null).status()).isEqualTo(400);
    }

    @Test
    void repeatedFailuresFromOneIpAreRateLimited() {
        server.createUser("limited-user", "limited-password", "user");
        server.createUser("other-user", "other-password", "user");
        Map<String, String> ip = Map.of("X-Forwarded-For", "198.51.100.77");
        for (int i = 0; i < 3; i++) {
            assertThat(server.http().send("POST", "/api/auth/login", "{\"username\":\"limited-user\",\"password\":\"bad\"}", null, ip)
                    .status()).isEqualTo(401);
        }
        var limited = server.http().send("POST", "/api/auth/login", "{\"username\":\"other-user\",\"password\":\"other-password\"}", null, ip);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        // another IP is unaffected (for another account: the guessed one is limited too, see LoginLimitTest)
        assertThat(server.http().send("POST", "/api/auth/login", "{\"username\":\"other-user\",\"password\":\"other-password\"}", null,
                Map.of("X-Forwarded-For", "198.51.100.78")).status()).isEqualTo(200);
    }

    @Test
    void verifyReturnsUserWithTeams() {
        var res = server.http().post("/api/auth/verify", null, server.adminToken());
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("username").asText()).isEqualTo("admin");
        assertThat(res.json().get("teams").isArray()).isTrue();
    }

    @Test
    void protectedRoutesWithoutOrWithBadTokenAre401() {
        for (String path : new String[]{"/api/me", "/api/me/websites", "/api/me/teams", "/api/websites"}) {
            assertThat(server.http().get(path, null).status()).as(path).isEqualTo(401);
            assertThat(server.http().get(path, "not-a-token").status()).as(path).isEqualTo(401);
        }
        assertThat(server.http().post("/api/auth/verify", null, "garbage").status()).isEqualTo(401);
        assertThat(server.http().post("/api/websites", "{\"name\":\"a\",\"domain\":\"b\"}", null).status()).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheToken() {
        String token = server.http().post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"umami\"}", null)
                .json().get("token").asText();
        assertThat(server.http().get("/api/me", token).status()).isEqualTo(200);
        assertThat(server.http().post("/api/auth/logout", null, token).status()).isEqualTo(200);
        assertThat(server.http().get("/api/me", token).status()).isEqualTo(401);
    }

    @Test
    void meReturnsTokenAndUser() {
        var res = server.http().get("/api/me", server.adminToken());
        assertThat(res.status()).isEqualTo(200);
        var json = res.json();
        assertThat(json.get("token").asText()).isEqualTo(server.adminToken());
        assertThat(json.has("authKey")).isTrue();
        assertThat(json.get("shareToken").isNull()).isTrue();
        assertThat(json.get("user").get("username").asText()).isEqualTo("admin");
    }

    @Test
    void meTeamsIsAnEmptyPage() {
        var json = server.http().get("/api/me/teams", server.adminToken()).json();
        assertThat(json.get("data").size()).isZero();
        assertThat(json.get("count").asInt()).isZero();
        assertThat(json.get("page").asInt()).isEqualTo(1);
    }

    @Test
    void heartbeatIsOk() {
        var res = server.http().get("/api/heartbeat", null);
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void unknownApiRouteIsJson404() {
        var res = server.http().get("/api/nothing/here", null);
        assertThat(res.status()).isEqualTo(404);
        assertThat(res.json().get("error").get("status").asInt()).isEqualTo(404);
        assertThat(res.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void corsHeadersAndPreflight() {
        var res = server.http().get("/api/heartbeat", null);
        assertThat(res.header("Access-Control-Allow-Origin")).isEqualTo("*");
        var pre = server.http().send("OPTIONS", "/api/websites", null, null,
                Map.of("Origin", "https://example.com", "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(pre.status()).isEqualTo(204);
        assertThat(pre.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(pre.header("Access-Control-Allow-Headers")).contains("authorization");
        assertThat(pre.header("Access-Control-Max-Age")).isEqualTo("86400");
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"username\":\"" + "a".repeat(300_000) + "\",\"password\":\"x\"}";
        assertThat(server.http().post("/api/auth/login", big, null).status()).isEqualTo(413);
    }
}
