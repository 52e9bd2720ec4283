package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole permission table walked over HTTP: every team, website, share, link, pixel and admin route, called by every kind
 * of caller (an admin; the four team roles of one team; a user and a view-only account outside it; a share token
 * of the team's website; nobody; API keys of the admin, the team owner and the team viewer). Each call answers
 * exactly 200 or 401, never 403 or 404, as Umami does. An API key answers as its user, except on the routes closed
 * to keys (credentials and accounts: {@link ApiKeyAccess#BLOCKED}), where it is 401.
 * Calls that change or delete something get fresh objects of their own, so the order of the walk does not matter.
 */
class PermissionMatrixTest {
    enum Caller { ADMIN, OWNER, MANAGER, MEMBER, TEAM_VIEWER, OUTSIDER, VIEW_ONLY, SHARE, NOBODY, KEY_ADMIN, KEY_OWNER, KEY_VIEWER }

    /** The user an API-key caller stands for. */
    static final Map<Caller, Caller> KEY_OF = Map.of(Caller.KEY_ADMIN, Caller.ADMIN, Caller.KEY_OWNER, Caller.OWNER,
            Caller.KEY_VIEWER, Caller.TEAM_VIEWER);

    static final Set<Caller> LOGGED_IN = EnumSet.range(Caller.ADMIN, Caller.VIEW_ONLY);
    static final Set<Caller> TEAM = EnumSet.of(Caller.ADMIN, Caller.OWNER, Caller.MANAGER, Caller.MEMBER, Caller.TEAM_VIEWER);
    static final Set<Caller> TEAM_WRITERS = EnumSet.of(Caller.ADMIN, Caller.OWNER, Caller.MANAGER, Caller.MEMBER);
    static final Set<Caller> TEAM_UPDATERS = EnumSet.of(Caller.ADMIN, Caller.OWNER, Caller.MANAGER);

    record Call(String method, String path, String body) {
    }

    record Row(String name, Set<Caller> allowed, Function<Caller, Call> call) {
    }

    static TestServer server;
    static final Map<Caller, String> tokens = new java.util.EnumMap<>(Caller.class);
    static final Map<Caller, String> ids = new java.util.EnumMap<>(Caller.class);
    static String teamId;
    static String siteId;
    static String shareId;
    static String shareToken;
    static String linkId;
    static String pixelId;
    static String boardId;
    static String linkShareId;
    static String loner;
    static int fresh;

    @BeforeAll
    static void start() {
        // The walk makes one request per row and key: far more than a key's default 50 per 15 s.
        server = TestServer.start(Map.of("API_KEY_RATE_LIMIT", "1000000"));
        tokens.put(Caller.ADMIN, server.adminToken());
        ids.put(Caller.ADMIN, server.query("SELECT CAST(user_id AS VARCHAR) AS id FROM users WHERE username = 'admin'")
                .getFirst().get("id").toString());
        for (Caller c : List.of(Caller.OWNER, Caller.MANAGER, Caller.MEMBER, Caller.TEAM_VIEWER, Caller.OUTSIDER, Caller.VIEW_ONLY)) {
            String name = c.name().toLowerCase();
            ids.put(c, server.createUser(name, name + "-password", c == Caller.VIEW_ONLY ? "view-only" : "user"));
            tokens.put(c, server.login(name, name + "-password"));
        }
        server.createUser("loner", "loner-password", "user");
        loner = server.login("loner", "loner-password");
        teamId = freshTeam();
        siteId = teamSite(teamId);
        shareId = ok(server.http().post("/api/websites/" + siteId + "/shares", "{\"name\":\"S\"}", tokens.get(Caller.OWNER)))
                .get("id").asText();
        ok(server.http().post("/api/websites/" + siteId, "{\"shareId\":\"matrix\"}", tokens.get(Caller.OWNER)));
        shareToken = ok(server.http().get("/api/share/matrix", null)).get("token").asText();
        linkId = teamLink(teamId);
        pixelId = ok(server.http().post("/api/pixels", "{\"name\":\"P\",\"slug\":\"matrix-pixel\",\"teamId\":\"" + teamId + "\"}",
                tokens.get(Caller.OWNER))).get("id").asText();
        boardId = teamBoard(teamId);
        linkShareId = ok(server.http().post("/api/links/" + linkId + "/shares", "{\"name\":\"LS\"}", tokens.get(Caller.OWNER)))
                .get("id").asText();
        // API-key callers send their key both ways the client does (header and bearer token), and act as their user.
        KEY_OF.forEach((key, user) -> {
            tokens.put(key, ok(server.http().post("/api/me/api-keys", "{\"name\":\"matrix\"}", tokens.get(user))).get("key").asText());
            ids.put(key, ids.get(user));
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode ok(HttpClientForTests.Response res) {
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json();
    }

    /** A team owned by OWNER with MANAGER, MEMBER and TEAM_VIEWER in their roles. */
    static String freshTeam() {
        String id = ok(server.http().post("/api/teams", "{\"name\":\"Team " + (++fresh) + "\"}", tokens.get(Caller.OWNER)))
                .get(0).get("id").asText();
        Map<Caller, String> roles = Map.of(Caller.MANAGER, "team-manager", Caller.MEMBER, "team-member",
                Caller.TEAM_VIEWER, "team-view-only");
        roles.forEach((c, role) -> ok(server.http().post("/api/teams/" + id + "/users",
                "{\"userId\":\"" + ids.get(c) + "\",\"role\":\"" + role + "\"}", tokens.get(Caller.OWNER))));
        return id;
    }

    static String teamSite(String team) {
        return ok(server.http().post("/api/websites", "{\"name\":\"Site " + (++fresh) + "\",\"domain\":\"x.example\",\"teamId\":\""
                + team + "\"}", tokens.get(Caller.OWNER))).get("id").asText();
    }

    /** A website the caller owns itself, when it may create one; the owner's otherwise. */
    static String ownSite(Caller c) {
        String token = tokens.getOrDefault(c, tokens.get(Caller.OWNER));
        var res = server.http().post("/api/websites", "{\"name\":\"Own " + (++fresh) + "\",\"domain\":\"o.example\"}", token);
        return res.status() == 200 ? res.json().get("id").asText() : server.createWebsite(tokens.get(Caller.OWNER), "Own", "o.example");
    }

    static String teamLink(String team) {
        return ok(server.http().post("/api/links", "{\"name\":\"L\",\"url\":\"https://example.com\",\"slug\":\"link-" + (++fresh)
                + "\",\"teamId\":\"" + team + "\"}", tokens.get(Caller.OWNER))).get("id").asText();
    }

    static String teamBoard(String team) {
        return ok(server.http().post("/api/boards", "{\"type\":\"mixed\",\"name\":\"B " + (++fresh) + "\",\"teamId\":\"" + team
                + "\"}", tokens.get(Caller.OWNER))).get("id").asText();
    }

    static String teamCode() {
        return ok(server.http().post("/api/teams", "{\"name\":\"Open " + (++fresh) + "\"}", loner)).get(0).get("accessCode").asText();
    }

    static List<Row> rows() {
        String team = "/api/teams/" + teamId;
        String site = "/api/websites/" + siteId;
        String stats = site + "/stats?startAt=0&endAt=1000";
        Set<Caller> admin = EnumSet.of(Caller.ADMIN);
        Set<Caller> readers = EnumSet.copyOf(TEAM);
        readers.add(Caller.SHARE);
        Set<Caller> creators = EnumSet.copyOf(LOGGED_IN);
        creators.remove(Caller.VIEW_ONLY);
        Set<Caller> leavers = EnumSet.copyOf(TEAM_UPDATERS);
        leavers.add(Caller.MEMBER);
        return List.of(
                new Row("list own teams", LOGGED_IN, c -> new Call("GET", "/api/teams", null)),
                new Row("my teams", LOGGED_IN, c -> new Call("GET", "/api/me/teams", null)),
                new Row("my websites", LOGGED_IN, c -> new Call("GET", "/api/me/websites?includeTeams=true", null)),
                new Row("list websites", LOGGED_IN, c -> new Call("GET", "/api/websites", null)),
                new Row("create team", creators, c -> new Call("POST", "/api/teams", "{\"name\":\"New\"}")),
                new Row("join team", LOGGED_IN, c -> new Call("POST", "/api/teams/join", "{\"accessCode\":\"" + teamCode() + "\"}")),
                new Row("get team", TEAM, c -> new Call("GET", team, null)),
                new Row("update team", TEAM_UPDATERS, c -> new Call("POST", team, "{\"name\":\"Renamed\"}")),
                new Row("delete team", EnumSet.of(Caller.ADMIN, Caller.OWNER), c -> new Call("DELETE", "/api/teams/" + freshTeam(), null)),
                new Row("team members", TEAM, c -> new Call("GET", team + "/users", null)),
                new Row("add member", TEAM_UPDATERS, c -> new Call("POST", "/api/teams/" + freshTeam() + "/users",
                        "{\"userId\":\"" + ids.get(Caller.OUTSIDER) + "\",\"role\":\"team-member\"}")),
                new Row("get member", TEAM_UPDATERS, c -> new Call("GET", team + "/users/" + ids.get(Caller.MEMBER), null)),
                new Row("change role", TEAM_UPDATERS, c -> new Call("POST", team + "/users/" + ids.get(Caller.MEMBER),
                        "{\"role\":\"team-member\"}")),
                new Row("remove member", leavers, c -> new Call("DELETE", "/api/teams/" + freshTeam() + "/users/"
                        + ids.get(Caller.MEMBER), null)),
                new Row("team websites", TEAM, c -> new Call("GET", team + "/websites", null)),
                new Row("create team website", TEAM_WRITERS, c -> new Call("POST", "/api/websites",
                        "{\"name\":\"N\",\"domain\":\"n.example\",\"teamId\":\"" + teamId + "\"}")),
                new Row("get website", readers, c -> new Call("GET", site, null)),
                new Row("website stats", readers, c -> new Call("GET", stats, null)),
                new Row("website metrics", readers, c -> new Call("GET", site + "/metrics?type=path&startAt=0&endAt=1000", null)),
                new Row("website sessions", readers, c -> new Call("GET", site + "/sessions?startAt=0&endAt=1000", null)),
                new Row("update website", TEAM_WRITERS, c -> new Call("POST", site, "{\"name\":\"Renamed\"}")),
                new Row("delete website", TEAM_WRITERS, c -> new Call("DELETE", "/api/websites/" + teamSite(teamId), null)),
                new Row("reset website", TEAM_WRITERS, c -> new Call("POST", "/api/websites/" + teamSite(teamId) + "/reset", null)),
                new Row("transfer to self", EnumSet.of(Caller.OWNER), c -> new Call("POST", "/api/websites/" + teamSite(teamId)
                        + "/transfer", "{\"userId\":\"" + ids.getOrDefault(c, ids.get(Caller.OUTSIDER)) + "\"}")),
                new Row("transfer to team", EnumSet.of(Caller.OWNER, Caller.MANAGER), c -> new Call("POST", "/api/websites/"
                        + ownSite(c) + "/transfer", "{\"teamId\":\"" + teamId + "\"}")),
                new Row("website shares", TEAM, c -> new Call("GET", site + "/shares", null)),
                new Row("create website share", TEAM_WRITERS, c -> new Call("POST", site + "/shares", "{\"name\":\"N\"}")),
                new Row("get share", TEAM, c -> new Call("GET", "/api/share/id/" + shareId, null)),
                new Row("update share", TEAM_WRITERS, c -> new Call("POST", "/api/share/id/" + shareId, "{\"name\":\"S2\"}")),
                new Row("delete share", TEAM_WRITERS, c -> new Call("DELETE", "/api/share/id/" + ok(server.http().post(site + "/shares",
                        "{\"name\":\"D\"}", tokens.get(Caller.OWNER))).get("id").asText(), null)),
                new Row("user's teams", EnumSet.of(Caller.ADMIN, Caller.OWNER), c -> new Call("GET", "/api/users/"
                        + ids.get(Caller.OWNER) + "/teams", null)),
                new Row("list links", LOGGED_IN, c -> new Call("GET", "/api/links", null)),
                new Row("list pixels", LOGGED_IN, c -> new Call("GET", "/api/pixels", null)),
                new Row("team links", TEAM, c -> new Call("GET", team + "/links", null)),
                new Row("team pixels", TEAM, c -> new Call("GET", team + "/pixels", null)),
                new Row("create team link", TEAM_WRITERS, c -> new Call("POST", "/api/links", "{\"name\":\"N\",\"url\":"
                        + "\"https://example.com\",\"slug\":\"new-" + (++fresh) + "\",\"teamId\":\"" + teamId + "\"}")),
                new Row("get link", TEAM, c -> new Call("GET", "/api/links/" + linkId, null)),
                new Row("link stats", TEAM, c -> new Call("GET", "/api/websites/" + linkId + "/stats?startAt=0&endAt=1000", null)),
                new Row("update link", TEAM_WRITERS, c -> new Call("POST", "/api/links/" + linkId, "{\"name\":\"Renamed\"}")),
                new Row("delete link", TEAM_WRITERS, c -> new Call("DELETE", "/api/links/" + teamLink(teamId), null)),
                new Row("get pixel", TEAM, c -> new Call("GET", "/api/pixels/" + pixelId, null)),
                new Row("update pixel", TEAM_WRITERS, c -> new Call("POST", "/api/pixels/" + pixelId, "{\"name\":\"Renamed\"}")),
                new Row("admin websites", admin, c -> new Call("GET", "/api/admin/websites", null)),
                new Row("admin teams", admin, c -> new Call("GET", "/api/admin/teams", null)),
                new Row("admin users", admin, c -> new Call("GET", "/api/admin/users", null)),
                new Row("list boards", LOGGED_IN, c -> new Call("GET", "/api/boards", null)),
                new Row("team boards", TEAM, c -> new Call("GET", team + "/boards", null)),
                new Row("create team board", TEAM_WRITERS, c -> new Call("POST", "/api/boards",
                        "{\"type\":\"mixed\",\"name\":\"N\",\"teamId\":\"" + teamId + "\"}")),
                new Row("create own board", creators, c -> new Call("POST", "/api/boards", "{\"type\":\"mixed\",\"name\":\"Own\"}")),
                new Row("get board", TEAM, c -> new Call("GET", "/api/boards/" + boardId, null)),
                new Row("update board", TEAM_WRITERS, c -> new Call("POST", "/api/boards/" + boardId, "{\"name\":\"Renamed\"}")),
                new Row("clone board", TEAM_WRITERS, c -> new Call("POST", "/api/boards/" + boardId + "/clone", "{}")),
                new Row("delete board", TEAM_WRITERS, c -> new Call("DELETE", "/api/boards/" + teamBoard(teamId), null)),
                new Row("board shares", TEAM, c -> new Call("GET", "/api/boards/" + boardId + "/shares", null)),
                new Row("create board share", TEAM_WRITERS, c -> new Call("POST", "/api/boards/" + boardId + "/shares", "{\"name\":\"N\"}")),
                new Row("link shares", TEAM, c -> new Call("GET", "/api/links/" + linkId + "/shares", null)),
                new Row("create link share", TEAM_WRITERS, c -> new Call("POST", "/api/links/" + linkId + "/shares", "{\"name\":\"N\"}")),
                new Row("pixel shares", TEAM, c -> new Call("GET", "/api/pixels/" + pixelId + "/shares", null)),
                new Row("create pixel share", TEAM_WRITERS, c -> new Call("POST", "/api/pixels/" + pixelId + "/shares", "{\"name\":\"N\"}")),
                new Row("get link share", TEAM, c -> new Call("GET", "/api/share/id/" + linkShareId, null)),
                new Row("update link share", TEAM_WRITERS, c -> new Call("POST", "/api/share/id/" + linkShareId, "{\"name\":\"LS2\"}")),
                new Row("delete link share", TEAM_WRITERS, c -> new Call("DELETE", "/api/share/id/" + ok(server.http().post("/api/links/"
                        + linkId + "/shares", "{\"name\":\"D\"}", tokens.get(Caller.OWNER))).get("id").asText(), null)),
                new Row("my api keys", LOGGED_IN, c -> new Call("GET", "/api/me/api-keys", null)),
                new Row("create api key", LOGGED_IN, c -> new Call("POST", "/api/me/api-keys", "{\"name\":\"k\"}")),
                new Row("two-factor status", LOGGED_IN, c -> new Call("GET", "/api/2fa/status", null)),
                new Row("cancel two-factor setup", LOGGED_IN, c -> new Call("POST", "/api/2fa/setup/cancel", null)));
    }

    static boolean closedToKeys(String path) {
        return ApiKeyAccess.BLOCKED.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "?"));
    }

    @Test
    void everyRouteAnswersEveryCaller200Or401AsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : rows()) {
            for (Caller caller : Caller.values()) {
                Call call = row.call().apply(caller);
                Map<String, String> headers = caller == Caller.SHARE
                        ? Map.of("x-umami-share-token", shareToken, "x-umami-share-context", "1")
                        : KEY_OF.containsKey(caller) ? Map.of("x-umami-api-key", tokens.get(caller)) : Map.of();
                var res = server.http().send(call.method(), call.path(), call.body(), tokens.get(caller), headers);
                boolean allowed = KEY_OF.containsKey(caller)
                        ? row.allowed().contains(KEY_OF.get(caller)) && !closedToKeys(call.path())
                        : row.allowed().contains(caller);
                int expected = allowed ? 200 : 401;
                cells++;
                if (res.status() != expected) {
                    wrong.add(row.name() + " as " + caller + ": " + res.status() + " (expected " + expected + ") " + res.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(cells).isEqualTo(rows().size() * Caller.values().length);
    }
}
