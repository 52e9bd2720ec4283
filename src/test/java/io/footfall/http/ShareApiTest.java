package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share links as Umami 3.1 has them: a website's {@code shareId} opens {@code GET /api/share/:slug} without login,
 * whose token (sent with {@code x-umami-share-context}) reads that website's statistics and nothing else.
 */
class ShareApiTest {
    static TestServer server;
    static String ownerId;
    static String ownerToken;
    static WebsitePermissionTest.Site shared;
    static WebsitePermissionTest.Site other;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        ownerId = server.createUser("sharer", "sharer-pass", "user");
        ownerToken = server.login("sharer", "sharer-pass");
        shared = withTraffic(server.createWebsite(ownerToken, "Shared", "shared.example"));
        other = withTraffic(server.createWebsite(ownerToken, "Private", "private.example"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static WebsitePermissionTest.Site withTraffic(String website) {
        String session = send("{\"type\":\"event\",\"payload\":{\"website\":\"" + website + "\",\"hostname\":\"example.com\","
                + "\"url\":\"/pricing\",\"id\":\"visitor-1\"}}").get("sessionId").asText();
        send("{\"type\":\"event\",\"payload\":{\"website\":\"" + website + "\",\"hostname\":\"example.com\",\"url\":\"/pricing\","
                + "\"id\":\"visitor-1\",\"name\":\"signup\",\"data\":{\"plan\":\"pro\"}}}");
        send("{\"type\":\"identify\",\"payload\":{\"website\":\"" + website + "\",\"id\":\"visitor-1\",\"data\":{\"plan\":\"pro\"}}}");
        String event = server.query("SELECT CAST(event_id AS VARCHAR) AS id FROM event WHERE website_id = ?::UUID AND event_name = 'signup'",
                website).getFirst().get("id").toString();
        return new WebsitePermissionTest.Site(website, session, event);
    }

    static JsonNode send(String body) {
        var res = server.http().send("POST", "/api/send", body, null, Map.of("User-Agent", WebsitePermissionTest.CHROME));
        assertThat(res.status()).as(body).isEqualTo(200);
        return res.json();
    }

    /** Shares the website under {@code slug} and opens the share link as a visitor who is not logged in. */
    static JsonNode share(String websiteId, String slug) {
        var updated = server.http().post("/api/websites/" + websiteId, "{\"shareId\":\"" + slug + "\"}", ownerToken);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("shareId").asText()).isEqualTo(slug);
        var opened = server.http().get("/api/share/" + slug, null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        return opened.json();
    }

    static HttpClientForTests.Response withShare(String method, String path, String token) {
        return server.http().send(method, path, method.equals("GET") ? null : "{}", null,
                Map.of("x-umami-share-token", token, "x-umami-share-context", "1"));
    }

    static List<String> statisticsPaths(WebsitePermissionTest.Site site) {
        // The export hands over raw data in bulk: it stays with logged-in users.
        return site.paths().stream().filter(p -> !p.contains("/export?")).toList();
    }

    @Test
    void theShareLinkAnswersItsTokenWithoutLogin() {
        JsonNode opened = share(shared.id(), "open-shape");
        List<String> names = new java.util.ArrayList<>();
        opened.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("shareId", "shareType", "parameters", "websiteId", "token");
        assertThat(opened.get("shareType").asInt()).isEqualTo(1);
        assertThat(opened.get("parameters").toString()).isEqualTo("{}");
        assertThat(opened.get("websiteId").asText()).isEqualTo(shared.id());
        assertThat(server.http().get("/api/share/no-such-slug", null).status()).isEqualTo(404);
    }

    @Test
    void theShareTokenReadsEveryStatisticOfItsWebsiteAsTheOwnerSeesIt() {
        String token = share(shared.id(), "reads-all").get("token").asText();
        for (String path : statisticsPaths(shared)) {
            var res = withShare("GET", path, token);
            assertThat(res.status()).as(path).isEqualTo(200);
            if (!path.startsWith("/api/realtime/")) {
                assertThat(res.json()).as(path).isEqualTo(server.http().get(path, ownerToken).json());
            }
        }
        assertThat(withShare("GET", "/api/websites/" + shared.id(), token).json().get("name").asText()).isEqualTo("Shared");
    }

    @Test
    void theShareTokenReadsNoOtherWebsite() {
        String token = share(shared.id(), "no-other").get("token").asText();
        for (String path : other.paths()) {
            assertThat(withShare("GET", path, token).status()).as(path).isEqualTo(401);
        }
        assertThat(withShare("GET", "/api/websites/" + other.id(), token).status()).isEqualTo(401);
    }

    @Test
    void theShareTokenWritesNothingAndReadsNoUserData() {
        String token = share(shared.id(), "no-writes").get("token").asText();
        String site = "/api/websites/" + shared.id();
        long events = server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", shared.id());
        List<String[]> refused = List.of(
                new String[]{"POST", site}, new String[]{"DELETE", site}, new String[]{"POST", site + "/reset"},
                new String[]{"POST", site + "/transfer"}, new String[]{"GET", site + "/shares"},
                new String[]{"POST", site + "/shares"}, new String[]{"GET", site + "/export?startAt=0&endAt=1000"},
                new String[]{"GET", "/api/websites"}, new String[]{"POST", "/api/websites"},
                new String[]{"GET", "/api/me"}, new String[]{"GET", "/api/me/websites"}, new String[]{"GET", "/api/me/teams"},
                new String[]{"GET", "/api/users/" + ownerId}, new String[]{"GET", "/api/users/" + ownerId + "/websites"},
                new String[]{"GET", "/api/teams"}, new String[]{"POST", "/api/teams"}, new String[]{"GET", "/api/admin/users"},
                new String[]{"GET", "/api/admin/websites"}, new String[]{"POST", "/api/auth/verify"});
        for (String[] r : refused) {
            assertThat(withShare(r[0], r[1], token).status()).as(r[0] + " " + r[1]).isEqualTo(401);
        }
        assertThat(server.http().get(site, ownerToken).json().get("name").asText()).isEqualTo("Shared");
        assertThat(server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", shared.id())).isEqualTo(events);
    }

    @Test
    void theShareTokenNeedsTheShareContextAndAGenuineSignature() {
        String token = share(shared.id(), "needs-context").get("token").asText();
        String stats = statisticsPaths(shared).get(1);
        assertThat(server.http().send("GET", stats, null, null, Map.of("x-umami-share-token", token)).status()).isEqualTo(401);
        assertThat(withShare("GET", stats, ownerToken).status()).isEqualTo(401);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        assertThat(withShare("GET", stats, forged).status()).isEqualTo(401);
        // A share token is not a login token.
        assertThat(server.http().get(stats, token).status()).isEqualTo(401);
    }

    @Test
    void clearingTheShareIdEndsTheLinkAndItsTokens() {
        String token = share(other.id(), "short-lived").get("token").asText();
        String stats = statisticsPaths(other).get(1);
        assertThat(withShare("GET", stats, token).status()).isEqualTo(200);
        var cleared = server.http().post("/api/websites/" + other.id(), "{\"shareId\":null}", ownerToken);
        assertThat(cleared.json().get("shareId").isNull()).isTrue();
        assertThat(server.http().get("/api/share/short-lived", null).status()).isEqualTo(404);
        assertThat(withShare("GET", stats, token).status()).isEqualTo(401);
    }

    @Test
    void websiteSharesAreCreatedListedEditedAndDeletedByTheOwnerOnly() {
        String base = "/api/websites/" + shared.id() + "/shares";
        var created = server.http().post(base, "{\"name\":\"Board view\",\"parameters\":{\"overview\":true}}", ownerToken);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode share = created.json();
        List<String> names = new java.util.ArrayList<>();
        share.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "entityId", "shareType", "name", "slug", "parameters", "createdAt", "updatedAt");
        assertThat(share.get("entityId").asText()).isEqualTo(shared.id());
        assertThat(share.get("slug").asText()).matches("[A-Za-z0-9]{16}");
        assertThat(share.get("parameters").toString()).isEqualTo("{\"overview\":true}");
        String id = share.get("id").asText();

        JsonNode list = server.http().get(base, ownerToken).json();
        assertThat(list.get("data").findValuesAsText("id")).contains(id);
        assertThat(server.http().get("/api/share/id/" + id, ownerToken).json()).isEqualTo(share);
        var opened = server.http().get("/api/share/" + share.get("slug").asText(), null).json();
        assertThat(opened.get("parameters").toString()).isEqualTo("{\"overview\":true}");

        var edited = server.http().post("/api/share/id/" + id, "{\"name\":\"Renamed\",\"slug\":\"custom-slug\",\"parameters\":{}}",
                ownerToken);
        assertThat(edited.json().get("slug").asText()).isEqualTo("custom-slug");
        assertThat(server.http().get("/api/share/custom-slug", null).status()).isEqualTo(200);

        String strangerToken = strangerToken();
        assertThat(server.http().get(base, strangerToken).status()).isEqualTo(401);
        assertThat(server.http().post(base, "{\"name\":\"x\"}", strangerToken).status()).isEqualTo(401);
        assertThat(server.http().get("/api/share/id/" + id, strangerToken).status()).isEqualTo(401);
        assertThat(server.http().delete("/api/share/id/" + id, strangerToken).status()).isEqualTo(401);

        assertThat(server.http().delete("/api/share/id/" + id, ownerToken).status()).isEqualTo(200);
        assertThat(server.http().get("/api/share/custom-slug", null).status()).isEqualTo(404);
        assertThat(server.http().get("/api/share/id/" + id, ownerToken).status()).isEqualTo(404);
    }

    @Test
    void createShareTakesAWebsiteEntityAndRefusesBadInput() {
        var created = server.http().post("/api/share", "{\"entityId\":\"" + shared.id() + "\",\"shareType\":1,\"name\":\"N\","
                + "\"parameters\":{},\"slug\":\"by-entity\"}", ownerToken);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("slug").asText()).isEqualTo("by-entity");
        var taken = server.http().post("/api/share", "{\"entityId\":\"" + shared.id() + "\",\"shareType\":1,\"name\":\"N\","
                + "\"parameters\":{},\"slug\":\"by-entity\"}", ownerToken);
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("error").get("message").asText()).isEqualTo("Share slug is already in use");
        assertThat(server.http().post("/api/share", "{\"entityId\":\"" + shared.id() + "\",\"shareType\":9,\"name\":\"N\"}",
                ownerToken).status()).isEqualTo(400);
        // Link shares exist (type 2), but this id is no link the caller may change.
        assertThat(server.http().post("/api/share", "{\"entityId\":\"" + shared.id() + "\",\"shareType\":2,\"name\":\"N\"}",
                ownerToken).status()).isEqualTo(401);
        assertThat(server.http().post("/api/share", "{\"shareType\":1,\"name\":\"N\"}", ownerToken).status()).isEqualTo(400);
        assertThat(server.http().post("/api/websites/" + shared.id() + "/shares", "{\"name\":\"N\",\"parameters\":[1]}",
                ownerToken).status()).isEqualTo(400);
        var dupShareId = server.http().post("/api/websites/" + other.id(), "{\"shareId\":\"by-entity\"}", ownerToken);
        assertThat(dupShareId.status()).isEqualTo(400);
    }

    private static int strangers;

    static String strangerToken() {
        String name = "stranger-" + (++strangers);
        server.createUser(name, "stranger-pass", "user");
        return server.login(name, "stranger-pass");
    }

    /** A board of the shared website (its own entity and a widget) and a link widget, shared; opened without login. */
    @Test
    void aBoardShareTokenReadsExactlyTheStatisticsOfWhatItsBoardNames() {
        String link = server.http().post("/api/links", "{\"name\":\"Board link\",\"url\":\"https://example.com\",\"slug\":\"share-board-link\"}",
                ownerToken).json().get("id").asText();
        String boardBody = "{\"type\":\"mixed\",\"name\":\"Public board\",\"parameters\":{\"rows\":[{\"columns\":["
                + "{\"component\":{\"type\":\"Metrics\",\"entityType\":\"website\",\"entityId\":\"" + shared.id() + "\"}},"
                + "{\"component\":{\"type\":\"Metrics\",\"entityType\":\"link\",\"entityId\":\"" + link + "\"}}]}]}}";
        var board = server.http().post("/api/boards", boardBody, ownerToken);
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        String boardId = board.json().get("id").asText();
        String secretBoard = server.http().post("/api/boards", "{\"type\":\"mixed\",\"name\":\"Secret\"}", ownerToken).json().get("id").asText();
        var share = server.http().post("/api/boards/" + boardId + "/shares", "{\"name\":\"Board share\"}", ownerToken);
        assertThat(share.status()).as(share.body()).isEqualTo(200);
        JsonNode opened = server.http().get("/api/share/" + share.json().get("slug").asText(), null).json();
        assertThat(opened.get("boardId").asText()).isEqualTo(boardId);
        String token = opened.get("token").asText();

        // Every statistic of the named website, exactly as its owner reads it; the link's too.
        for (String path : statisticsPaths(shared)) {
            var res = withShare("GET", path, token);
            assertThat(res.status()).as(path).isEqualTo(200);
            if (!path.startsWith("/api/realtime/")) assertThat(res.json()).as(path).isEqualTo(server.http().get(path, ownerToken).json());
        }
        assertThat(withShare("GET", statisticsPaths(shared).get(1), token).json().get("pageviews").asInt()).isEqualTo(1);
        String linkStats = "/api/websites/" + link + "/stats?startAt=0&endAt=" + (System.currentTimeMillis() + 60_000);
        assertThat(withShare("GET", linkStats, token).json()).isEqualTo(server.http().get(linkStats, ownerToken).json());
        assertThat(withShare("GET", "/api/boards/" + boardId, token).json().get("name").asText()).isEqualTo("Public board");

        // Nothing else: no other website, no other board, no writes, no user data.
        for (String path : other.paths()) assertThat(withShare("GET", path, token).status()).as(path).isEqualTo(401);
        long events = server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", shared.id());
        List<String[]> refused = List.of(
                new String[]{"GET", "/api/boards/" + secretBoard}, new String[]{"POST", "/api/boards/" + boardId},
                new String[]{"DELETE", "/api/boards/" + boardId}, new String[]{"POST", "/api/boards/" + boardId + "/clone"},
                new String[]{"GET", "/api/boards/" + boardId + "/shares"}, new String[]{"GET", "/api/boards"},
                new String[]{"POST", "/api/websites/" + shared.id()}, new String[]{"DELETE", "/api/websites/" + shared.id()},
                new String[]{"POST", "/api/websites/" + shared.id() + "/reset"}, new String[]{"GET", "/api/websites/" + shared.id() + "/shares"},
                new String[]{"GET", "/api/websites/" + shared.id() + "/export?startAt=0&endAt=1000"},
                new String[]{"GET", "/api/links/" + link}, new String[]{"DELETE", "/api/links/" + link},
                new String[]{"GET", "/api/me"}, new String[]{"GET", "/api/users/" + ownerId}, new String[]{"GET", "/api/teams"},
                new String[]{"GET", "/api/websites"}, new String[]{"GET", "/api/admin/users"});
        for (String[] r : refused) assertThat(withShare(r[0], r[1], token).status()).as(r[0] + " " + r[1]).isEqualTo(401);
        assertThat(server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", shared.id())).isEqualTo(events);
        assertThat(server.http().get("/api/boards/" + boardId, ownerToken).json().get("name").asText()).isEqualTo("Public board");

        // The token follows the board as it is now: a widget removed takes its entity away from the share.
        var edited = server.http().post("/api/boards/" + boardId, "{\"parameters\":{\"rows\":[{\"columns\":["
                + "{\"component\":{\"type\":\"Metrics\",\"entityType\":\"link\",\"entityId\":\"" + link + "\"}}]}]}}", ownerToken);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(withShare("GET", statisticsPaths(shared).get(1), token).status()).isEqualTo(401);
        assertThat(withShare("GET", linkStats, token).status()).isEqualTo(200);
    }
}
