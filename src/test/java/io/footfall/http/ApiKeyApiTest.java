package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.ApiKeyCodes;
import io.footfall.auth.SecretBox;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys over HTTP: made and listed under /api/me/api-keys, shown once, stored as a hash and an encrypted copy,
 * accepted as {@code x-umami-api-key} or as a bearer token with exactly their user's rights, closed to the
 * credential routes, revoked at once by deletion.
 */
class ApiKeyApiTest {
    static TestServer server;
    static String aliceId;
    static String alice;
    static String bob;
    static String viewer;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        aliceId = server.createUser("alice", "alice-pass", "user");
        alice = server.login("alice", "alice-pass");
        server.createUser("bob", "bob-pass", "user");
        bob = server.login("bob", "bob-pass");
        server.createUser("viewer", "viewer-pass", "view-only");
        viewer = server.login("viewer", "viewer-pass");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> names(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static JsonNode create(String token, String name) {
        var res = server.http().post("/api/me/api-keys", "{\"name\":\"" + name + "\"}", token);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json();
    }

    static HttpClientForTests.Response withKey(String method, String path, String body, String key) {
        return server.http().send(method, path, body, null, Map.of("x-umami-api-key", key));
    }

    @Test
    void aKeyIsShownOnceAndStoredOnlyAsHashAndEncryptedCopy() throws Exception {
        JsonNode created = create(alice, "CI pipeline");
        assertThat(names(created)).containsExactly("id", "name", "keyPrefix", "createdAt", "key");
        String key = created.get("key").asText();
        assertThat(key).matches("umami_[0-9A-Za-z]{32}");
        assertThat(created.get("keyPrefix").asText()).isEqualTo(key.substring(0, 14));
        assertThat(created.get("name").asText()).isEqualTo("CI pipeline");

        JsonNode listed = server.http().get("/api/me/api-keys", alice).json();
        JsonNode mine = null;
        for (JsonNode k : listed) if (k.get("id").asText().equals(created.get("id").asText())) mine = k;
        assertThat(mine).isNotNull();
        assertThat(names(mine)).containsExactly("id", "name", "keyPrefix", "createdAt", "lastUsedAt");
        assertThat(listed.toString()).doesNotContain(key);

        var row = server.query("SELECT CAST(user_id AS VARCHAR) AS user_id, key_hash, key_encrypted, key_last4, key_prefix "
                + "FROM api_key WHERE api_key_id = ?::UUID", created.get("id").asText()).getFirst();
        assertThat(row.get("user_id")).isEqualTo(aliceId);
        assertThat(row.get("key_hash")).isEqualTo(ApiKeyCodes.hash(key));
        assertThat(row.get("key_last4")).isEqualTo(key.substring(key.length() - 4));
        assertThat(row.get("key_prefix")).isEqualTo(key.substring(0, 14));
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(v -> v.contains(key));
        // The encrypted copy opens with the server's secret: an administrator can be given the key back later.
        String secret = Files.readString(server.dataDir().resolve("app-secret")).trim();
        assertThat(new SecretBox(secret).decrypt(row.get("key_encrypted").toString())).isEqualTo(key);
    }

    @Test
    void aKeyActsAsItsUserThroughTheHeaderOrAsBearerToken() {
        String key = create(alice, "reader").get("key").asText();
        String site = server.createWebsite(alice, "Alice site", "alice.example");
        String bobSite = server.createWebsite(bob, "Bob site", "bob.example");

        var me = withKey("GET", "/api/me", null, key);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().at("/user/id").asText()).isEqualTo(aliceId);
        assertThat(server.http().get("/api/me", key).json().at("/user/id").asText()).isEqualTo(aliceId);

        var sites = withKey("GET", "/api/websites", null, key).json();
        assertThat(sites.get("count").asInt()).isEqualTo(1);
        assertThat(sites.at("/data/0/id").asText()).isEqualTo(site);
        assertThat(withKey("GET", "/api/websites/" + site + "/stats?startAt=0&endAt=1000", null, key).json()
                .get("pageviews").asInt()).isZero();
        assertThat(withKey("GET", "/api/websites/" + bobSite, null, key).status()).isEqualTo(401);
        assertThat(withKey("POST", "/api/websites/" + bobSite, "{\"name\":\"Mine now\"}", key).status()).isEqualTo(401);
        var made = withKey("POST", "/api/websites", "{\"name\":\"By key\",\"domain\":\"key.example\"}", key);
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        assertThat(made.json().get("userId").asText()).isEqualTo(aliceId);

        // A view-only account's key changes nothing, as the account itself cannot.
        String viewerKey = create(viewer, "view").get("key").asText();
        assertThat(withKey("POST", "/api/websites", "{\"name\":\"No\",\"domain\":\"no.example\"}", viewerKey).status())
                .isEqualTo(401);
        assertThat(withKey("GET", "/api/websites", null, viewerKey).status()).isEqualTo(200);

        var listed = server.http().get("/api/me/api-keys", alice).json();
        for (JsonNode k : listed) {
            if (k.get("name").asText().equals("reader")) assertThat(k.get("lastUsedAt").isNull()).isFalse();
        }
    }

    @Test
    void keysCannotReachCredentialOrAccountRoutes() {
        String adminKey = create(server.adminToken(), "admin key").get("key").asText();
        for (String[] call : new String[][]{{"GET", "/api/me/api-keys"}, {"POST", "/api/me/api-keys"},
                {"POST", "/api/me/password"}, {"GET", "/api/2fa/status"}, {"POST", "/api/auth/verify"},
                {"POST", "/api/auth/logout"}, {"POST", "/api/users"}, {"GET", "/api/admin/users"}, {"GET", "/api/admin/websites"}}) {
            String body = call[0].equals("POST") ? "{\"name\":\"x\"}" : null;
            assertThat(withKey(call[0], call[1], body, adminKey).status()).as(call[1]).isEqualTo(401);
            assertThat(server.http().send(call[0], call[1], body, adminKey, Map.of()).status()).as(call[1]).isEqualTo(401);
        }
        assertThat(withKey("GET", "/api/teams", null, adminKey).status()).isEqualTo(200);
    }

    @Test
    void deletingAKeyRevokesItAtOnceAndOnlyItsOwnerMayDeleteIt() {
        JsonNode created = create(alice, "short-lived");
        String key = created.get("key").asText();
        String path = "/api/me/api-keys/" + created.get("id").asText();
        assertThat(withKey("GET", "/api/me", null, key).status()).isEqualTo(200);

        assertThat(server.http().delete(path, bob).status()).isEqualTo(404);
        assertThat(withKey("GET", "/api/me", null, key).status()).isEqualTo(200);
        var deleted = server.http().delete(path, alice);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().toString()).isEqualTo("{\"ok\":true}");
        assertThat(withKey("GET", "/api/me", null, key).status()).isEqualTo(401);
        assertThat(server.http().get("/api/me", key).status()).isEqualTo(401);
        assertThat(server.http().delete(path, alice).status()).isEqualTo(404);
        assertThat(server.http().delete("/api/me/api-keys/not-a-uuid", alice).status()).isEqualTo(404);
    }

    @Test
    void unknownOrMalformedKeysAre401() {
        assertThat(withKey("GET", "/api/me", null, "umami_" + "x".repeat(32)).status()).isEqualTo(401);
        assertThat(withKey("GET", "/api/me", null, "nonsense").status()).isEqualTo(401);
        assertThat(server.http().get("/api/me", "umami_short").status()).isEqualTo(401);
        assertThat(server.http().get("/api/me/api-keys", null).status()).isEqualTo(401);
    }

    @Test
    void badNamesAre400AndStoreNothing() {
        int before = server.http().get("/api/me/api-keys", bob).json().size();
        for (String body : new String[]{"{}", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":12}",
                "{\"name\":\"" + "n".repeat(256) + "\"}", "[]", "not json"}) {
            var res = server.http().post("/api/me/api-keys", body, bob);
            assertThat(res.status()).as(body).isEqualTo(400);
            assertThat(res.json().at("/error/message").asText()).isNotBlank();
        }
        assertThat(server.http().get("/api/me/api-keys", bob).json().size()).isEqualTo(before);
    }
}
