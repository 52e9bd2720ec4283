package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracked links and pixels managed over HTTP: CRUD with the client's shapes, unique slugs, team variants, and
 * their hits read through the website statistics routes by those who may see them.
 */
class LinkPixelApiTest {
    static TestServer server;
    static String ownerId;
    static String ownerToken;
    static String otherToken;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        ownerId = server.createUser("linker", "linker-pass", "user");
        ownerToken = server.login("linker", "linker-pass");
        server.createUser("other", "other-pass", "user");
        otherToken = server.login("other", "other-pass");
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

    @Test
    void linksAreCreatedReadUpdatedAndDeletedByTheirOwner() {
        var created = server.http().post("/api/links", "{\"name\":\"Docs\",\"url\":\"https://example.com/docs\",\"slug\":\"docs\"}",
                ownerToken);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode link = created.json();
        assertThat(names(link)).containsExactly("id", "name", "url", "slug", "userId", "teamId", "createdAt", "updatedAt", "deletedAt");
        assertThat(link.get("userId").asText()).isEqualTo(ownerId);
        assertThat(link.get("teamId").isNull()).isTrue();
        String path = "/api/links/" + link.get("id").asText();
        assertThat(server.http().get(path, ownerToken).json()).isEqualTo(link);
        JsonNode list = server.http().get("/api/links?search=doc", ownerToken).json();
        assertThat(list.get("count").asInt()).isEqualTo(1);
        assertThat(list.get("data").get(0)).isEqualTo(link);
        assertThat(server.http().get("/api/links", otherToken).json().get("count").asInt()).isZero();

        var redirect = server.http().get("/q/docs", null);
        assertThat(redirect.status()).isEqualTo(307);
        assertThat(redirect.header("Location")).isEqualTo("https://example.com/docs");

        var updated = server.http().post(path, "{\"url\":\"https://example.com/v2\",\"slug\":\"docs-v2\"}", ownerToken);
        assertThat(updated.json().get("url").asText()).isEqualTo("https://example.com/v2");
        assertThat(updated.json().get("name").asText()).isEqualTo("Docs");
        assertThat(server.http().get("/q/docs-v2", null).header("Location")).isEqualTo("https://example.com/v2");
        assertThat(server.http().get("/q/docs", null).status()).isEqualTo(404);

        assertThat(server.http().get(path, otherToken).status()).isEqualTo(401);
        assertThat(server.http().post(path, "{\"name\":\"Mine\"}", otherToken).status()).isEqualTo(401);
        assertThat(server.http().delete(path, otherToken).status()).isEqualTo(401);
        assertThat(server.http().delete(path, ownerToken).status()).isEqualTo(200);
        assertThat(server.http().get(path, ownerToken).status()).isEqualTo(401);
        assertThat(server.http().get(path, server.adminToken()).status()).isEqualTo(404);
        // The slug of a deleted link is free again.
        assertThat(server.http().post("/api/links", "{\"name\":\"Again\",\"url\":\"https://example.com\",\"slug\":\"docs-v2\"}",
                ownerToken).status()).isEqualTo(200);
    }

    @Test
    void badLinkInputIs400() {
        String ok = "\"name\":\"N\",\"url\":\"https://example.com\"";
        server.http().post("/api/links", "{" + ok + ",\"slug\":\"taken\"}", ownerToken);
        Map<String, String> bad = Map.of(
                "{" + ok + ",\"slug\":\"taken\"}", "Slug or id is already in use",
                "{\"name\":\"N\",\"url\":\"javascript:alert(1)\",\"slug\":\"js\"}", "'url' must start with http:// or https://",
                "{" + ok + ",\"slug\":\"a/b\"}", "'slug' may hold only letters, digits and . _ ~ -",
                "{" + ok + "}", "'slug' is required",
                "{\"url\":\"https://example.com\",\"slug\":\"s\"}", "'name' is required");
        bad.forEach((body, message) -> {
            var res = server.http().post("/api/links", body, ownerToken);
            assertThat(res.status()).as(body).isEqualTo(400);
            assertThat(res.json().get("error").get("message").asText()).as(body).isEqualTo(message);
        });
        assertThat(server.http().post("/api/links", "{" + ok + ",\"slug\":\"v\"}", loginViewOnly()).status()).isEqualTo(401);
    }

    @Test
    void pixelsAreManagedLikeLinksAndTheirHitsReadAsStatistics() {
        var created = server.http().post("/api/pixels", "{\"name\":\"Newsletter\",\"slug\":\"nl\"}", ownerToken);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode pixel = created.json();
        assertThat(names(pixel)).containsExactly("id", "name", "slug", "userId", "teamId", "createdAt", "updatedAt", "deletedAt");
        String id = pixel.get("id").asText();
        assertThat(server.http().send("GET", "/p/nl", null, null, Map.of("User-Agent", WebsitePermissionTest.CHROME)).status())
                .isEqualTo(200);
        String stats = "/api/websites/" + id + "/stats?startAt=0&endAt=" + (System.currentTimeMillis() + 60_000);
        var mine = server.http().get(stats, ownerToken);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("pageviews").asInt()).isEqualTo(1);
        assertThat(server.http().get(stats, otherToken).status()).isEqualTo(401);
        assertThat(server.http().post("/api/pixels", "{\"name\":\"Dup\",\"slug\":\"nl\"}", ownerToken).status()).isEqualTo(400);
        assertThat(server.http().post("/api/pixels/" + id, "{\"name\":\"Renamed\"}", ownerToken).json().get("name").asText())
                .isEqualTo("Renamed");
        assertThat(server.http().get("/api/pixels", ownerToken).json().get("count").asInt()).isEqualTo(1);
        assertThat(server.http().delete("/api/pixels/" + id, ownerToken).status()).isEqualTo(200);
        assertThat(server.http().get("/p/nl", null).status()).isEqualTo(404);
    }

    @Test
    void teamLinksAndPixelsBelongToTheTeam() {
        JsonNode team = server.http().post("/api/teams", "{\"name\":\"Links team\"}", ownerToken).json().get(0);
        String teamId = team.get("id").asText();
        var link = server.http().post("/api/links", "{\"name\":\"T\",\"url\":\"https://example.com\",\"slug\":\"team-link\","
                + "\"teamId\":\"" + teamId + "\"}", ownerToken);
        assertThat(link.json().get("teamId").asText()).isEqualTo(teamId);
        assertThat(link.json().get("userId").isNull()).isTrue();
        server.http().post("/api/pixels", "{\"name\":\"T\",\"slug\":\"team-pixel\",\"teamId\":\"" + teamId + "\"}", ownerToken);
        assertThat(server.http().get("/api/teams/" + teamId + "/links", otherToken).status()).isEqualTo(401);
        assertThat(server.http().post("/api/links", "{\"name\":\"T\",\"url\":\"https://example.com\",\"slug\":\"intruder\","
                + "\"teamId\":\"" + teamId + "\"}", otherToken).status()).isEqualTo(401);
        server.http().post("/api/teams/join", "{\"accessCode\":\"" + team.get("accessCode").asText() + "\"}", otherToken);
        assertThat(server.http().get("/api/teams/" + teamId + "/links", otherToken).json().get("count").asInt()).isEqualTo(1);
        assertThat(server.http().get("/api/teams/" + teamId + "/pixels", otherToken).json().get("count").asInt()).isEqualTo(1);
        assertThat(server.http().get("/api/links/" + link.json().get("id").asText(), otherToken).status()).isEqualTo(200);
        assertThat(server.http().get("/api/links", otherToken).json().get("count").asInt()).isZero();
    }

    private static int viewers;

    static String loginViewOnly() {
        String name = "viewer-" + (++viewers);
        server.createUser(name, "viewer-pass", "view-only");
        return server.login(name, "viewer-pass");
    }
}
