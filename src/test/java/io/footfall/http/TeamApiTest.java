package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teams over HTTP, with the shapes of @umami/api-client's types: create, join by access code, members and their
 * roles, team websites, transfers, and the lists of a user's teams. Each test makes its own team and users.
 */
class TeamApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Account(String id, String token) {
    }

    private static int accounts;

    static Account account(String role) {
        String name = "team-user-" + (++accounts);
        String id = server.createUser(name, "password-" + accounts, role);
        return new Account(id, server.login(name, "password-" + accounts));
    }

    static JsonNode createTeam(Account owner, String name) {
        var res = server.http().post("/api/teams", "{\"name\":\"" + name + "\"}", owner.token());
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json();
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void createAnswersTheTeamAndTheOwnersMembership() {
        Account owner = account("user");
        JsonNode created = createTeam(owner, "Marina");
        assertThat(created.isArray()).isTrue();
        assertThat(created.size()).isEqualTo(2);
        JsonNode team = created.get(0);
        JsonNode membership = created.get(1);
        assertThat(fieldNames(team)).containsExactly("id", "name", "accessCode", "logoUrl", "createdAt", "updatedAt",
                "deletedAt", "twoFactorRequired");
        assertThat(team.get("name").asText()).isEqualTo("Marina");
        assertThat(team.get("accessCode").asText()).matches("team_[A-Za-z0-9]{16}");
        assertThat(team.get("deletedAt").isNull()).isTrue();
        assertThat(fieldNames(membership)).containsExactly("id", "teamId", "userId", "role", "createdAt", "updatedAt");
        assertThat(membership.get("teamId").asText()).isEqualTo(team.get("id").asText());
        assertThat(membership.get("userId").asText()).isEqualTo(owner.id());
        assertThat(membership.get("role").asText()).isEqualTo("team-owner");

        JsonNode got = server.http().get("/api/teams/" + team.get("id").asText(), owner.token()).json();
        assertThat(got).isEqualTo(team);
    }

    @Test
    void createRefusesBadInputAndViewOnlyAccounts() {
        Account user = account("user");
        var missing = server.http().post("/api/teams", "{}", user.token());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").get("message").asText()).isEqualTo("'name' is required");
        var tooLong = server.http().post("/api/teams", "{\"name\":\"" + "x".repeat(51) + "\"}", user.token());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(server.http().post("/api/teams", "{\"name\":\"T\"}", account("view-only").token()).status()).isEqualTo(401);
        assertThat(server.http().post("/api/teams", "{\"name\":\"T\"}", null).status()).isEqualTo(401);
    }

    @Test
    void joiningByAccessCodeMakesATeamMemberOnceWrongCodeIs404() {
        Account owner = account("user");
        Account joiner = account("user");
        JsonNode team = createTeam(owner, "Joinable").get(0);
        String body = "{\"accessCode\":\"" + team.get("accessCode").asText() + "\"}";
        var joined = server.http().post("/api/teams/join", body, joiner.token());
        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.json().get("role").asText()).isEqualTo("team-member");
        assertThat(joined.json().get("userId").asText()).isEqualTo(joiner.id());
        assertThat(joined.json().get("teamId").asText()).isEqualTo(team.get("id").asText());

        var again = server.http().post("/api/teams/join", body, joiner.token());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").get("message").asText()).isEqualTo("User is already a member of the team");
        var wrong = server.http().post("/api/teams/join", "{\"accessCode\":\"team_nope\"}", joiner.token());
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(server.http().post("/api/teams/join", "{}", joiner.token()).status()).isEqualTo(400);
    }

    @Test
    void membersAreListedWithUsernamesAndRolesChangeAndEnd() {
        Account owner = account("user");
        Account other = account("user");
        String teamId = createTeam(owner, "Crew").get(0).get("id").asText();
        var added = server.http().post("/api/teams/" + teamId + "/users",
                "{\"userId\":\"" + other.id() + "\",\"role\":\"team-view-only\"}", owner.token());
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("role").asText()).isEqualTo("team-view-only");

        JsonNode list = server.http().get("/api/teams/" + teamId + "/users", owner.token()).json();
        assertThat(list.get("count").asInt()).isEqualTo(2);
        assertThat(list.get("page").asInt()).isEqualTo(1);
        assertThat(list.get("pageSize").asInt()).isEqualTo(20);
        assertThat(list.get("data").get(0).get("userId").asText()).isEqualTo(owner.id());
        assertThat(list.get("data").get(0).get("role").asText()).isEqualTo("team-owner");
        assertThat(list.get("data").get(1).get("user").get("id").asText()).isEqualTo(other.id());
        assertThat(list.get("data").get(1).get("user").get("username").asText()).startsWith("team-user-");

        String memberPath = "/api/teams/" + teamId + "/users/" + other.id();
        assertThat(server.http().get(memberPath, owner.token()).json().get("role").asText()).isEqualTo("team-view-only");
        var changed = server.http().post(memberPath, "{\"role\":\"team-manager\"}", owner.token());
        assertThat(changed.json().get("role").asText()).isEqualTo("team-manager");
        assertThat(server.http().post(memberPath, "{\"role\":\"team-owner\"}", owner.token()).status()).isEqualTo(400);
        assertThat(server.http().post(memberPath, "{\"role\":\"boss\"}", owner.token()).status()).isEqualTo(400);
        var dup = server.http().post("/api/teams/" + teamId + "/users",
                "{\"userId\":\"" + other.id() + "\",\"role\":\"team-member\"}", owner.token());
        assertThat(dup.status()).isEqualTo(400);

        var removed = server.http().delete(memberPath, owner.token());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("ok").asBoolean()).isTrue();
        assertThat(server.http().get(memberPath, owner.token()).status()).isEqualTo(404);
        assertThat(server.http().get("/api/teams/" + teamId, other.token()).status()).isEqualTo(401);
        assertThat(server.http().delete("/api/teams/" + teamId + "/users/" + owner.id(), owner.token()).status()).isEqualTo(400);
    }

    @Test
    void aMemberMayLeaveButNotRemoveOthers() {
        Account owner = account("user");
        Account a = account("user");
        Account b = account("user");
        JsonNode team = createTeam(owner, "Leavers").get(0);
        String code = "{\"accessCode\":\"" + team.get("accessCode").asText() + "\"}";
        server.http().post("/api/teams/join", code, a.token());
        server.http().post("/api/teams/join", code, b.token());
        String teamId = team.get("id").asText();
        assertThat(server.http().delete("/api/teams/" + teamId + "/users/" + b.id(), a.token()).status()).isEqualTo(401);
        assertThat(server.http().delete("/api/teams/" + teamId + "/users/" + a.id(), a.token()).status()).isEqualTo(200);
        assertThat(server.http().get("/api/teams/" + teamId + "/users", owner.token()).json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void teamWebsitesAreReadableByMembersAndListedWithIncludeTeams() {
        Account owner = account("user");
        Account member = account("user");
        Account outsider = account("user");
        JsonNode team = createTeam(owner, "Sites").get(0);
        String teamId = team.get("id").asText();
        server.http().post("/api/teams/join", "{\"accessCode\":\"" + team.get("accessCode").asText() + "\"}", member.token());
        var created = server.http().post("/api/websites", "{\"name\":\"Team site\",\"domain\":\"team.example\",\"teamId\":\""
                + teamId + "\"}", member.token());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode site = created.json();
        assertThat(site.get("teamId").asText()).isEqualTo(teamId);
        assertThat(site.get("userId").isNull()).isTrue();
        assertThat(site.get("createdBy").asText()).isEqualTo(member.id());
        String siteId = site.get("id").asText();

        JsonNode teamSites = server.http().get("/api/teams/" + teamId + "/websites", owner.token()).json();
        assertThat(teamSites.get("count").asInt()).isEqualTo(1);
        assertThat(teamSites.get("data").get(0).get("id").asText()).isEqualTo(siteId);
        assertThat(server.http().get("/api/teams/" + teamId + "/websites", outsider.token()).status()).isEqualTo(401);

        assertThat(server.http().get("/api/me/websites", member.token()).json().get("count").asInt()).isZero();
        JsonNode withTeams = server.http().get("/api/me/websites?includeTeams=true", member.token()).json();
        assertThat(withTeams.get("count").asInt()).isEqualTo(1);
        assertThat(server.http().get("/api/websites?includeTeams=true", owner.token()).json().get("count").asInt()).isEqualTo(1);
        assertThat(server.http().get("/api/users/" + owner.id() + "/websites?includeTeams=true", owner.token())
                .json().get("count").asInt()).isEqualTo(1);

        String stats = "/api/websites/" + siteId + "/stats?startAt=0&endAt=1000";
        assertThat(server.http().get(stats, member.token()).status()).isEqualTo(200);
        assertThat(server.http().get(stats, owner.token()).status()).isEqualTo(200);
        assertThat(server.http().get(stats, outsider.token()).status()).isEqualTo(401);
        assertThat(server.http().post("/api/websites", "{\"name\":\"X\",\"domain\":\"x.example\",\"teamId\":\"" + teamId + "\"}",
                outsider.token()).status()).isEqualTo(401);
    }

    @Test
    void aTeamViewOnlyMemberReadsButDoesNotWrite() {
        Account owner = account("user");
        Account viewer = account("user");
        String teamId = createTeam(owner, "Readers").get(0).get("id").asText();
        server.http().post("/api/teams/" + teamId + "/users", "{\"userId\":\"" + viewer.id() + "\",\"role\":\"team-view-only\"}",
                owner.token());
        String siteId = server.http().post("/api/websites", "{\"name\":\"S\",\"domain\":\"s.example\",\"teamId\":\"" + teamId + "\"}",
                owner.token()).json().get("id").asText();
        assertThat(server.http().get("/api/websites/" + siteId, viewer.token()).status()).isEqualTo(200);
        assertThat(server.http().post("/api/websites/" + siteId, "{\"name\":\"Renamed\"}", viewer.token()).status()).isEqualTo(401);
        assertThat(server.http().delete("/api/websites/" + siteId, viewer.token()).status()).isEqualTo(401);
        assertThat(server.http().post("/api/websites/" + siteId + "/reset", "", viewer.token()).status()).isEqualTo(401);
        assertThat(server.http().post("/api/websites", "{\"name\":\"X\",\"domain\":\"x.example\",\"teamId\":\"" + teamId + "\"}",
                viewer.token()).status()).isEqualTo(401);
        assertThat(server.http().post("/api/teams/" + teamId, "{\"name\":\"Mine\"}", viewer.token()).status()).isEqualTo(401);
        assertThat(server.http().get("/api/websites/" + siteId, owner.token()).json().get("name").asText()).isEqualTo("S");
    }

    @Test
    void transferMovesAWebsiteToATeamAndBackToItsOwner() {
        Account owner = account("user");
        Account member = account("user");
        JsonNode team = createTeam(owner, "Movers").get(0);
        String teamId = team.get("id").asText();
        server.http().post("/api/teams/join", "{\"accessCode\":\"" + team.get("accessCode").asText() + "\"}", member.token());
        String siteId = server.createWebsite(owner.token(), "Mine", "mine.example");

        var toTeam = server.http().post("/api/websites/" + siteId + "/transfer", "{\"teamId\":\"" + teamId + "\"}", owner.token());
        assertThat(toTeam.status()).as(toTeam.body()).isEqualTo(200);
        assertThat(toTeam.json().get("teamId").asText()).isEqualTo(teamId);
        assertThat(toTeam.json().get("userId").isNull()).isTrue();
        // A plain member may not take the website for itself; the owner may.
        assertThat(server.http().post("/api/websites/" + siteId + "/transfer", "{\"userId\":\"" + member.id() + "\"}",
                member.token()).status()).isEqualTo(401);
        var back = server.http().post("/api/websites/" + siteId + "/transfer", "{\"userId\":\"" + owner.id() + "\"}", owner.token());
        assertThat(back.json().get("userId").asText()).isEqualTo(owner.id());
        assertThat(back.json().get("teamId").isNull()).isTrue();
        assertThat(server.http().post("/api/websites/" + siteId + "/transfer", "{}", owner.token()).status()).isEqualTo(400);
        Account stranger = account("user");
        assertThat(server.http().post("/api/websites/" + siteId + "/transfer", "{\"teamId\":\"" + teamId + "\"}",
                stranger.token()).status()).isEqualTo(401);
    }

    @Test
    void myTeamsUserTeamsAndVerifyListTheTeamsOfTheCaller() {
        Account owner = account("user");
        Account other = account("user");
        String teamId = createTeam(owner, "Mine only").get(0).get("id").asText();
        JsonNode mine = server.http().get("/api/me/teams", owner.token()).json();
        assertThat(mine.get("count").asInt()).isEqualTo(1);
        assertThat(mine.get("data").get(0).get("id").asText()).isEqualTo(teamId);
        assertThat(mine.get("data").get(0).get("_count").get("members").asInt()).isEqualTo(1);
        assertThat(server.http().get("/api/teams", owner.token()).json()).isEqualTo(mine);
        assertThat(server.http().get("/api/users/" + owner.id() + "/teams", owner.token()).json()).isEqualTo(mine);
        assertThat(server.http().get("/api/users/" + owner.id() + "/teams", other.token()).status()).isEqualTo(401);
        assertThat(server.http().get("/api/me/teams", other.token()).json().get("count").asInt()).isZero();
        JsonNode verify = server.http().post("/api/auth/verify", "", owner.token()).json();
        assertThat(verify.get("teams").get(0).get("id").asText()).isEqualTo(teamId);
    }

    @Test
    void updateAndDeleteBelongToOwnersDeleteTakesTheTeamsWebsites() {
        Account owner = account("user");
        Account manager = account("user");
        JsonNode team = createTeam(owner, "Doomed").get(0);
        String teamId = team.get("id").asText();
        server.http().post("/api/teams/" + teamId + "/users", "{\"userId\":\"" + manager.id() + "\",\"role\":\"team-manager\"}",
                owner.token());
        var renamed = server.http().post("/api/teams/" + teamId, "{\"name\":\"Renamed\",\"accessCode\":\"team_custom-code\"}",
                manager.token());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Renamed");
        assertThat(renamed.json().get("accessCode").asText()).isEqualTo("team_custom-code");
        String siteId = server.http().post("/api/websites", "{\"name\":\"S\",\"domain\":\"s.example\",\"teamId\":\"" + teamId + "\"}",
                owner.token()).json().get("id").asText();
        assertThat(server.http().delete("/api/teams/" + teamId, manager.token()).status()).isEqualTo(401);
        assertThat(server.http().delete("/api/teams/" + teamId, owner.token()).status()).isEqualTo(200);
        assertThat(server.http().get("/api/teams/" + teamId, owner.token()).status()).isEqualTo(401);
        assertThat(server.http().get("/api/teams/" + teamId, server.adminToken()).status()).isEqualTo(404);
        assertThat(server.http().get("/api/websites/" + siteId, server.adminToken()).body()).isEqualTo("null");
        assertThat(server.http().post("/api/teams/join", "{\"accessCode\":\"team_custom-code\"}", manager.token()).status())
                .isEqualTo(404);
    }

    /** Deleting a team takes its boards and every share link of its websites, links, pixels and boards; others stay. */
    @Test
    void deletingATeamRemovesItsBoardsAndTheShareLinksOfEverythingItHad() {
        Account owner = account("user");
        String teamId = createTeam(owner, "Cascade").get(0).get("id").asText();
        String keptTeam = createTeam(owner, "Kept").get(0).get("id").asText();
        String site = server.http().post("/api/websites", "{\"name\":\"T\",\"domain\":\"t.example\",\"teamId\":\"" + teamId + "\"}",
                owner.token()).json().get("id").asText();
        String link = server.http().post("/api/links", "{\"name\":\"L\",\"url\":\"https://example.com\",\"slug\":\"cascade-link\",\"teamId\":\""
                + teamId + "\"}", owner.token()).json().get("id").asText();
        String pixel = server.http().post("/api/pixels", "{\"name\":\"P\",\"slug\":\"cascade-pixel\",\"teamId\":\"" + teamId + "\"}",
                owner.token()).json().get("id").asText();
        String board = server.http().post("/api/boards", "{\"type\":\"mixed\",\"name\":\"B\",\"teamId\":\"" + teamId + "\"}",
                owner.token()).json().get("id").asText();
        String keptBoard = server.http().post("/api/boards", "{\"type\":\"mixed\",\"name\":\"K\",\"teamId\":\"" + keptTeam + "\"}",
                owner.token()).json().get("id").asText();
        for (String path : List.of("/api/websites/" + site, "/api/links/" + link, "/api/pixels/" + pixel, "/api/boards/" + board,
                "/api/boards/" + keptBoard)) {
            assertThat(server.http().post(path + "/shares", "{\"name\":\"s\"}", owner.token()).status()).as(path).isEqualTo(200);
        }
        String all = "SELECT count(*) FROM share WHERE CAST(entity_id AS VARCHAR) IN (?, ?, ?, ?)";
        assertThat(server.count(all, site, link, pixel, board)).isEqualTo(4);
        assertThat(server.count("SELECT count(*) FROM board WHERE CAST(team_id AS VARCHAR) = ?", teamId)).isEqualTo(1);

        assertThat(server.http().delete("/api/teams/" + teamId, owner.token()).status()).isEqualTo(200);
        assertThat(server.count(all, site, link, pixel, board)).isZero();
        assertThat(server.count("SELECT count(*) FROM board WHERE CAST(team_id AS VARCHAR) = ?", teamId)).isZero();
        assertThat(server.count("SELECT count(*) FROM team_user WHERE CAST(team_id AS VARCHAR) = ?", teamId)).isZero();
        assertThat(server.count("SELECT count(*) FROM link WHERE CAST(team_id AS VARCHAR) = ? AND deleted_at IS NULL", teamId)).isZero();
        assertThat(server.count("SELECT count(*) FROM pixel WHERE CAST(team_id AS VARCHAR) = ? AND deleted_at IS NULL", teamId)).isZero();
        assertThat(server.count("SELECT count(*) FROM website WHERE CAST(team_id AS VARCHAR) = ? AND deleted_at IS NULL", teamId)).isZero();
        assertThat(server.http().get("/api/boards/" + board, owner.token()).status()).isEqualTo(401);
        // The other team keeps its board and that board's share.
        assertThat(server.count("SELECT count(*) FROM board WHERE CAST(team_id AS VARCHAR) = ?", keptTeam)).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM share WHERE CAST(entity_id AS VARCHAR) = ?", keptBoard)).isEqualTo(1);
    }

    @Test
    void adminListsEveryTeamAndWebsiteWithOwnersAndCounts() {
        Account owner = account("user");
        JsonNode team = createTeam(owner, "Zeta admin-visible").get(0);
        server.http().post("/api/websites", "{\"name\":\"Z\",\"domain\":\"z.example\",\"teamId\":\"" + team.get("id").asText() + "\"}",
                owner.token());
        JsonNode teams = server.http().get("/api/admin/teams?search=zeta", server.adminToken()).json();
        assertThat(teams.get("count").asInt()).isEqualTo(1);
        JsonNode row = teams.get("data").get(0);
        assertThat(row.get("_count").get("websites").asInt()).isEqualTo(1);
        assertThat(row.get("_count").get("members").asInt()).isEqualTo(1);
        assertThat(row.get("teamUser").get(0).get("user").get("id").asText()).isEqualTo(owner.id());
        JsonNode sites = server.http().get("/api/admin/websites?search=z.example", server.adminToken()).json();
        assertThat(sites.get("count").asInt()).isEqualTo(1);
        assertThat(sites.get("data").get(0).get("teamId").asText()).isEqualTo(team.get("id").asText());
        assertThat(server.http().get("/api/admin/teams", owner.token()).status()).isEqualTo(401);
        assertThat(server.http().get("/api/admin/websites", owner.token()).status()).isEqualTo(401);
    }

    @Test
    void unknownAndMalformedTeamIds() {
        Account user = account("user");
        String unknown = "/api/teams/00000000-0000-4000-8000-000000000001";
        assertThat(server.http().get(unknown, user.token()).status()).isEqualTo(401);
        assertThat(server.http().get(unknown, server.adminToken()).status()).isEqualTo(404);
        assertThat(server.http().get(unknown + "/users", server.adminToken()).status()).isEqualTo(404);
        assertThat(server.http().get("/api/teams/not-a-uuid", user.token()).status()).isEqualTo(400);
    }
}
