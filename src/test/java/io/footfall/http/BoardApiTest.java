package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boards over HTTP with @umami/api-client 0.81.0's shapes: CRUD and clone by their owner, team boards by team
 * role, refusals for other users, bad input, and board shares opened without a login.
 */
class BoardApiTest {
    static TestServer server;
    static String ownerId;
    static String owner;
    static String other;
    static String viewerId;
    static String viewer;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        ownerId = server.createUser("boarder", "boarder-pass", "user");
        owner = server.login("boarder", "boarder-pass");
        server.createUser("stranger", "stranger-pass", "user");
        other = server.login("stranger", "stranger-pass");
        viewerId = server.createUser("watcher", "watcher-pass", "user");
        viewer = server.login("watcher", "watcher-pass");
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

    static JsonNode ok(HttpClientForTests.Response res) {
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json();
    }

    @Test
    void boardsAreCreatedReadListedUpdatedClonedAndDeletedByTheirOwner() {
        String site = server.createWebsite(owner, "Board site", "board.example");
        String body = "{\"type\":\"open\",\"name\":\"Sales\",\"description\":\"Weekly\",\"parameters\":{\"websiteId\":\"" + site
                + "\",\"rows\":[{\"columns\":[{\"component\":{\"type\":\"Metrics\",\"websiteId\":\"" + site + "\"}}]}]}}";
        JsonNode board = ok(server.http().post("/api/boards", body, owner));
        assertThat(names(board)).containsExactly("id", "type", "name", "description", "parameters", "userId", "teamId",
                "createdAt", "updatedAt");
        assertThat(board.get("type").asText()).isEqualTo("mixed");
        assertThat(board.get("name").asText()).isEqualTo("Sales");
        assertThat(board.get("description").asText()).isEqualTo("Weekly");
        assertThat(board.get("userId").asText()).isEqualTo(ownerId);
        assertThat(board.get("teamId").isNull()).isTrue();
        assertThat(board.get("parameters").toString()).isEqualTo("{\"websiteId\":\"" + site
                + "\",\"rows\":[{\"columns\":[{\"component\":{\"type\":\"Metrics\",\"websiteId\":\"" + site + "\"}}]}]}");
        String path = "/api/boards/" + board.get("id").asText();

        assertThat(ok(server.http().get(path, owner))).isEqualTo(board);
        JsonNode list = ok(server.http().get("/api/boards?search=sal", owner));
        assertThat(list.get("count").asInt()).isEqualTo(1);
        assertThat(list.get("page").asInt()).isEqualTo(1);
        assertThat(list.get("data").get(0)).isEqualTo(board);
        assertThat(ok(server.http().get("/api/boards?search=nothing", owner)).get("count").asInt()).isZero();

        JsonNode updated = ok(server.http().post(path, "{\"name\":\"Sales 2\",\"parameters\":{\"rows\":[]}}", owner));
        assertThat(updated.get("name").asText()).isEqualTo("Sales 2");
        assertThat(updated.get("description").asText()).isEqualTo("Weekly");
        assertThat(updated.get("parameters").toString()).isEqualTo("{\"rows\":[]}");
        assertThat(ok(server.http().get(path, owner)).get("name").asText()).isEqualTo("Sales 2");

        JsonNode copy = ok(server.http().post(path + "/clone", "{\"name\":\"Sales copy\"}", owner));
        assertThat(copy.get("id").asText()).isNotEqualTo(board.get("id").asText());
        assertThat(copy.get("name").asText()).isEqualTo("Sales copy");
        assertThat(copy.get("description").asText()).isEqualTo("Weekly");
        assertThat(copy.get("parameters").toString()).isEqualTo("{\"rows\":[]}");
        assertThat(copy.get("userId").asText()).isEqualTo(ownerId);
        assertThat(ok(server.http().get("/api/boards?search=Sales", owner)).get("count").asInt()).isEqualTo(2);

        assertThat(ok(server.http().delete(path, owner)).toString()).isEqualTo("{\"ok\":true}");
        assertThat(server.http().get(path, owner).status()).isEqualTo(401);
        JsonNode left = ok(server.http().get("/api/boards?search=Sales", owner));
        assertThat(left.get("count").asInt()).isEqualTo(1);
        assertThat(left.at("/data/0/name").asText()).isEqualTo("Sales copy");
    }

    @Test
    void otherUsersCannotSeeChangeOrDeleteABoard() {
        JsonNode board = ok(server.http().post("/api/boards", "{\"type\":\"mixed\",\"name\":\"Private\"}", owner));
        String path = "/api/boards/" + board.get("id").asText();
        assertThat(server.http().get(path, other).status()).isEqualTo(401);
        assertThat(server.http().post(path, "{\"name\":\"Mine\"}", other).status()).isEqualTo(401);
        assertThat(server.http().post(path + "/clone", "{}", other).status()).isEqualTo(401);
        assertThat(server.http().delete(path, other).status()).isEqualTo(401);
        assertThat(server.http().get(path + "/shares", other).status()).isEqualTo(401);
        assertThat(server.http().post(path + "/shares", "{\"name\":\"x\"}", other).status()).isEqualTo(401);
        assertThat(ok(server.http().get("/api/boards?search=Private", other)).get("count").asInt()).isZero();
        assertThat(ok(server.http().get(path, server.adminToken())).get("name").asText()).isEqualTo("Private");
        assertThat(server.http().get(path, null).status()).isEqualTo(401);
        assertThat(server.http().get("/api/boards/" + java.util.UUID.randomUUID(), owner).status()).isEqualTo(401);

        // A board cannot point at someone else's website: it would show that website's data.
        String otherSite = server.createWebsite(other, "Other site", "other.example");
        var refused = server.http().post("/api/boards", "{\"type\":\"website\",\"name\":\"Spy\",\"parameters\":{\"websiteId\":\""
                + otherSite + "\"}}", owner);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(server.http().post(path, "{\"parameters\":{\"rows\":[{\"columns\":[{\"component\":{\"entityType\":\"website\","
                + "\"entityId\":\"" + otherSite + "\"}}]}]}}", owner).status()).isEqualTo(400);
        assertThat(ok(server.http().get(path, owner)).get("parameters").toString()).isEqualTo("{}");
    }

    @Test
    void teamBoardsFollowTeamRoles() {
        String teamId = ok(server.http().post("/api/teams", "{\"name\":\"Board team\"}", owner)).get(0).get("id").asText();
        ok(server.http().post("/api/teams/" + teamId + "/users", "{\"userId\":\"" + viewerId + "\",\"role\":\"team-view-only\"}", owner));
        JsonNode board = ok(server.http().post("/api/boards", "{\"type\":\"mixed\",\"name\":\"Team board\",\"teamId\":\""
                + teamId + "\"}", owner));
        assertThat(board.get("teamId").asText()).isEqualTo(teamId);
        assertThat(board.get("userId").isNull()).isTrue();
        String path = "/api/boards/" + board.get("id").asText();

        JsonNode teamList = ok(server.http().get("/api/teams/" + teamId + "/boards", viewer));
        assertThat(teamList.get("count").asInt()).isEqualTo(1);
        assertThat(teamList.get("data").get(0)).isEqualTo(board);
        assertThat(ok(server.http().get(path, viewer)).get("name").asText()).isEqualTo("Team board");
        assertThat(server.http().post(path, "{\"name\":\"No\"}", viewer).status()).isEqualTo(401);
        assertThat(server.http().delete(path, viewer).status()).isEqualTo(401);
        assertThat(server.http().post("/api/boards", "{\"type\":\"mixed\",\"name\":\"No\",\"teamId\":\"" + teamId + "\"}", viewer)
                .status()).isEqualTo(401);
        assertThat(server.http().get("/api/teams/" + teamId + "/boards", other).status()).isEqualTo(401);
        JsonNode copy = ok(server.http().post(path + "/clone", "{}", owner));
        assertThat(copy.get("teamId").asText()).isEqualTo(teamId);
        assertThat(ok(server.http().get("/api/teams/" + teamId + "/boards", owner)).get("count").asInt()).isEqualTo(2);
    }

    @Test
    void badInputIs400AndStoresNothing() {
        int before = ok(server.http().get("/api/boards", other)).get("count").asInt();
        for (String body : new String[]{"{\"name\":\"No type\"}", "{\"type\":\"weird\",\"name\":\"x\"}",
                "{\"type\":\"mixed\"}", "{\"type\":\"mixed\",\"name\":\"\"}", "{\"type\":\"mixed\",\"name\":\"" + "n".repeat(101) + "\"}",
                "{\"type\":\"mixed\",\"name\":\"x\",\"description\":\"" + "d".repeat(501) + "\"}",
                "{\"type\":\"mixed\",\"name\":\"x\",\"parameters\":[1]}", "{\"type\":\"mixed\",\"name\":\"x\",\"teamId\":\"nope\"}",
                "{\"type\":\"mixed\",\"name\":\"x\",\"parameters\":{\"websiteId\":\"nope\"}}", "[]", "nope"}) {
            var res = server.http().post("/api/boards", body, other);
            assertThat(res.status()).as(body).isEqualTo(400);
            assertThat(res.json().at("/error/message").asText()).isNotBlank();
        }
        // A team the caller is not in: refused as every team it cannot see.
        assertThat(server.http().post("/api/boards", "{\"type\":\"mixed\",\"name\":\"x\",\"teamId\":\""
                + java.util.UUID.randomUUID() + "\"}", other).status()).isEqualTo(401);
        assertThat(ok(server.http().get("/api/boards", other)).get("count").asInt()).isEqualTo(before);
        assertThat(server.http().get("/api/boards/not-a-uuid", other).status()).isEqualTo(400);
    }

    @Test
    void aBoardShareOpensTheBoardWithoutLoginAndNothingElse() {
        JsonNode board = ok(server.http().post("/api/boards", "{\"type\":\"mixed\",\"name\":\"Public\"}", owner));
        JsonNode secret = ok(server.http().post("/api/boards", "{\"type\":\"mixed\",\"name\":\"Secret\"}", owner));
        String path = "/api/boards/" + board.get("id").asText();
        JsonNode share = ok(server.http().post(path + "/shares", "{\"name\":\"Public link\",\"parameters\":{\"title\":true}}", owner));
        assertThat(names(share)).containsExactly("id", "entityId", "shareType", "name", "slug", "parameters", "createdAt", "updatedAt");
        assertThat(share.get("shareType").asInt()).isEqualTo(4);
        assertThat(share.get("entityId").asText()).isEqualTo(board.get("id").asText());
        assertThat(share.get("slug").asText()).matches("[A-Za-z0-9]{16}");
        JsonNode shares = ok(server.http().get(path + "/shares", owner));
        assertThat(shares.get("count").asInt()).isEqualTo(1);
        assertThat(shares.get("data").get(0)).isEqualTo(share);
        assertThat(ok(server.http().get("/api/share/id/" + share.get("id").asText(), owner))).isEqualTo(share);

        JsonNode opened = ok(server.http().get("/api/share/" + share.get("slug").asText(), null));
        assertThat(opened.get("boardId").asText()).isEqualTo(board.get("id").asText());
        assertThat(opened.get("shareType").asInt()).isEqualTo(4);
        Map<String, String> headers = Map.of("x-umami-share-token", opened.get("token").asText(), "x-umami-share-context", "1");
        var read = server.http().send("GET", path, null, null, headers);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("Public");
        assertThat(server.http().send("GET", "/api/boards/" + secret.get("id").asText(), null, null, headers).status()).isEqualTo(401);
        assertThat(server.http().send("POST", path, "{\"name\":\"x\"}", null, headers).status()).isEqualTo(401);
        assertThat(server.http().send("GET", "/api/boards", null, null, headers).status()).isEqualTo(401);

        // Deleting the board deletes its shares, and the token opens nothing any more.
        ok(server.http().delete(path, owner));
        assertThat(server.http().get("/api/share/" + share.get("slug").asText(), null).status()).isEqualTo(404);
        assertThat(server.http().get("/api/share/id/" + share.get("id").asText(), owner).status()).isEqualTo(404);
    }

    @Test
    void linksAndPixelsAreSharedAndTheirShareTokenReadsTheirStatisticsOnly() {
        String linkId = ok(server.http().post("/api/links", "{\"name\":\"L\",\"url\":\"https://example.com\",\"slug\":\"board-test-link\"}",
                owner)).get("id").asText();
        String pixelId = ok(server.http().post("/api/pixels", "{\"name\":\"P\",\"slug\":\"board-test-pixel\"}", owner)).get("id").asText();
        String site = server.createWebsite(owner, "Not shared", "ns.example");
        JsonNode linkShare = ok(server.http().post("/api/links/" + linkId + "/shares", "{\"name\":\"Link share\"}", owner));
        assertThat(linkShare.get("shareType").asInt()).isEqualTo(2);
        assertThat(linkShare.get("entityId").asText()).isEqualTo(linkId);
        JsonNode pixelShare = ok(server.http().post("/api/pixels/" + pixelId + "/shares", "{\"name\":\"Pixel share\"}", owner));
        assertThat(pixelShare.get("shareType").asInt()).isEqualTo(3);
        assertThat(ok(server.http().get("/api/links/" + linkId + "/shares", owner)).get("data").get(0)).isEqualTo(linkShare);
        assertThat(ok(server.http().get("/api/pixels/" + pixelId + "/shares", owner)).get("data").get(0)).isEqualTo(pixelShare);
        assertThat(server.http().get("/api/links/" + linkId + "/shares", other).status()).isEqualTo(401);
        assertThat(server.http().post("/api/pixels/" + pixelId + "/shares", "{\"name\":\"x\"}", other).status()).isEqualTo(401);
        assertThat(server.http().post("/api/links/" + linkId + "/shares", "{}", owner).status()).isEqualTo(400);

        JsonNode opened = ok(server.http().get("/api/share/" + linkShare.get("slug").asText(), null));
        assertThat(opened.get("websiteId").asText()).isEqualTo(linkId);
        Map<String, String> headers = Map.of("x-umami-share-token", opened.get("token").asText(), "x-umami-share-context", "1");
        var stats = server.http().send("GET", "/api/websites/" + linkId + "/stats?startAt=0&endAt=1000", null, null, headers);
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        assertThat(stats.json().get("pageviews").asInt()).isZero();
        assertThat(server.http().send("GET", "/api/websites/" + site + "/stats?startAt=0&endAt=1000", null, null, headers)
                .status()).isEqualTo(401);

        JsonNode renamed = ok(server.http().post("/api/share/id/" + linkShare.get("id").asText(), "{\"name\":\"Renamed\"}", owner));
        assertThat(renamed.get("name").asText()).isEqualTo("Renamed");
        assertThat(server.http().post("/api/share/id/" + linkShare.get("id").asText(), "{\"name\":\"x\"}", other).status()).isEqualTo(401);
        JsonNode direct = ok(server.http().post("/api/share", "{\"entityId\":\"" + pixelId + "\",\"shareType\":3,\"name\":\"Direct\","
                + "\"slug\":\"direct-pixel\"}", owner));
        assertThat(direct.get("slug").asText()).isEqualTo("direct-pixel");
        assertThat(server.http().post("/api/share", "{\"entityId\":\"" + pixelId + "\",\"shareType\":9,\"name\":\"x\"}", owner).status())
                .isEqualTo(400);
        assertThat(ok(server.http().delete("/api/share/id/" + linkShare.get("id").asText(), owner)).toString()).isEqualTo("{\"ok\":true}");
        assertThat(server.http().send("GET", "/api/websites/" + linkId + "/stats?startAt=0&endAt=1000", null, null, headers)
                .status()).isEqualTo(401);
    }

    /** Deleting a website, link or pixel removes the share links pointing at it; a board naming it still opens. */
    @Test
    void deletingAnEntityRemovesItsSharesAndLeavesBoardsNamingItReadable() {
        String site = server.createWebsite(owner, "Gone site", "gone.example");
        String link = ok(server.http().post("/api/links", "{\"name\":\"L\",\"url\":\"https://example.com\",\"slug\":\"gone-link\"}", owner))
                .get("id").asText();
        String pixel = ok(server.http().post("/api/pixels", "{\"name\":\"P\",\"slug\":\"gone-pixel\"}", owner)).get("id").asText();
        String body = "{\"type\":\"mixed\",\"name\":\"Naming\",\"parameters\":{\"rows\":[{\"columns\":["
                + "{\"component\":{\"type\":\"Metrics\",\"entityType\":\"website\",\"entityId\":\"" + site + "\"}},"
                + "{\"component\":{\"type\":\"Metrics\",\"entityType\":\"link\",\"entityId\":\"" + link + "\"}},"
                + "{\"component\":{\"type\":\"Metrics\",\"entityType\":\"pixel\",\"entityId\":\"" + pixel + "\"}}]}]}}";
        String board = ok(server.http().post("/api/boards", body, owner)).get("id").asText();
        ok(server.http().post("/api/websites/" + site + "/shares", "{\"name\":\"w\"}", owner));
        ok(server.http().post("/api/links/" + link + "/shares", "{\"name\":\"l\"}", owner));
        ok(server.http().post("/api/links/" + link + "/shares", "{\"name\":\"l2\"}", owner));
        ok(server.http().post("/api/pixels/" + pixel + "/shares", "{\"name\":\"p\"}", owner));
        String boardShare = ok(server.http().post("/api/boards/" + board + "/shares", "{\"name\":\"b\"}", owner)).get("slug").asText();
        String count = "SELECT count(*) FROM share WHERE CAST(entity_id AS VARCHAR) = ?";
        assertThat(server.count(count, link)).isEqualTo(2);

        ok(server.http().delete("/api/links/" + link, owner));
        assertThat(server.count(count, link)).isZero();
        assertThat(server.count(count, pixel)).isEqualTo(1);
        ok(server.http().delete("/api/pixels/" + pixel, owner));
        assertThat(server.count(count, pixel)).isZero();
        ok(server.http().delete("/api/websites/" + site, owner));
        assertThat(server.count(count, site)).isZero();
        assertThat(server.count(count, board)).isEqualTo(1);

        // The board keeps its widgets (the dashboard marks them missing); its share still opens the board only.
        JsonNode kept = ok(server.http().get("/api/boards/" + board, owner));
        assertThat(kept.get("parameters").get("rows").get(0).get("columns").size()).isEqualTo(3);
        JsonNode opened = ok(server.http().get("/api/share/" + boardShare, null));
        Map<String, String> headers = Map.of("x-umami-share-token", opened.get("token").asText(), "x-umami-share-context", "1");
        assertThat(server.http().send("GET", "/api/boards/" + board, null, null, headers).status()).isEqualTo(200);
        assertThat(server.http().send("GET", "/api/websites/" + link + "/stats?startAt=0&endAt=1000", null, null, headers).status())
                .isEqualTo(401);
        assertThat(server.http().get("/api/links/" + link, owner).status()).isEqualTo(401);
    }
}
