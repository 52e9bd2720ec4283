package io.footfall.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real npm package @umami/api-client, unchanged, reading Footfall's API. */
class UmamiApiClientTest {
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    static void send(TestServer s, String website, String payload, String ua, String ip) {
        var res = s.http().send("POST", "/api/send", "{\"type\":\"event\",\"payload\":{\"website\":\"" + website + "\"," + payload + "}}",
                null, Map.of("User-Agent", ua, "X-Forwarded-For", ip));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().has("sessionId")).isTrue();
    }

    static java.util.List<String> zipEntries(String base64) throws java.io.IOException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(base64)))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) names.add(e.getName());
        }
        return names;
    }

    @Test
    void apiClientReadsExactNumbers() throws Exception {
        NodeTool.requireNodeAndPackages();
        try (TestServer server = TestServer.start()) {
            String website = server.createWebsite("Client", "client.example");
            send(server, website, "\"url\":\"/\",\"hostname\":\"client.example\"", CHROME, "8.8.8.8");
            send(server, website, "\"url\":\"/pricing\",\"hostname\":\"client.example\"", CHROME, "8.8.8.8");
            send(server, website, "\"url\":\"/\",\"hostname\":\"client.example\"", FIREFOX, "9.9.9.9");
            send(server, website, "\"url\":\"/pricing\",\"hostname\":\"client.example\",\"name\":\"signup\",\"data\":{\"plan\":\"pro\",\"revenue\":19.5,\"currency\":\"EUR\"}", CHROME, "8.8.8.8");
            long now = System.currentTimeMillis();
            NodeTool.Result r = NodeTool.node("umami-api-client.mjs", server.baseUrl() + "/api", website,
                    Long.toString(now - 3_600_000), Long.toString(now + 60_000));
            assertThat(r.exit()).as(r.output()).isZero();
            Map<String, JsonNode> calls = new HashMap<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : r.output().strip().split("\n")) {
                JsonNode n = json.readTree(line);
                calls.put(n.get("label").asText(), n);
            }
            calls.values().forEach(c -> assertThat(c.get("ok").asBoolean()).as(c.toString()).isTrue());

            assertThat(calls.get("login").at("/result/user/username").asText()).isEqualTo("admin");
            assertThat(calls.get("verify").at("/result/username").asText()).isEqualTo("admin");
            assertThat(calls.get("me").at("/result/user/isAdmin").asBoolean()).isTrue();
            assertThat(calls.get("myWebsites").at("/result/count").asInt()).isEqualTo(1);
            assertThat(calls.get("website").at("/result/name").asText()).isEqualTo("Client");

            JsonNode stats = calls.get("stats").get("result");
            assertThat(stats.get("pageviews").asInt()).isEqualTo(3);
            assertThat(stats.get("visitors").asInt()).isEqualTo(2);
            assertThat(stats.get("visits").asInt()).isEqualTo(2);
            assertThat(stats.get("bounces").asInt()).isEqualTo(1);
            assertThat(stats.get("comparison").get("pageviews").asInt()).isZero();

            JsonNode pageviews = calls.get("pageviews").get("result");
            assertThat(pageviews.get("pageviews").get(0).get("y").asInt()).isEqualTo(3);
            assertThat(pageviews.get("sessions").get(0).get("y").asInt()).isEqualTo(2);

            JsonNode paths = calls.get("metricsPath").get("result");
            assertThat(paths.toString()).isEqualTo("[{\"x\":\"/\",\"y\":2},{\"x\":\"/pricing\",\"y\":1}]");
            assertThat(calls.get("metricsBrowser").get("result").toString())
                    .isEqualTo("[{\"x\":\"chrome\",\"y\":1},{\"x\":\"firefox\",\"y\":1}]");

            assertThat(calls.get("active").at("/result/visitors").asInt()).isEqualTo(2);
            assertThat(calls.get("realtime").at("/result/totals/views").asInt()).isEqualTo(3);
            assertThat(calls.get("sessions").at("/result/count").asInt()).isEqualTo(2);
            assertThat(calls.get("sessionStats").at("/result/visitors/value").asInt()).isEqualTo(2);
            assertThat(calls.get("weekly").get("result").size()).isEqualTo(7);
            assertThat(calls.get("events").at("/result/count").asInt()).isEqualTo(4);
            assertThat(calls.get("eventDataStats").at("/result/events").asInt()).isEqualTo(1);
            assertThat(calls.get("created").at("/result/domain").asText()).isEqualTo("client.example");

            var range = server.query("SELECT strftime(min(created_at), '%Y-%m-%dT%H:%M:%S.%g') || 'Z' AS first, "
                    + "strftime(max(created_at), '%Y-%m-%dT%H:%M:%S.%g') || 'Z' AS last FROM event WHERE website_id = ?::UUID", website).getFirst();
            assertThat(calls.get("dateRange").get("result").toString())
                    .isEqualTo("{\"startDate\":\"" + range.get("first") + "\",\"endDate\":\"" + range.get("last") + "\"}");
            assertThat(calls.get("valuesPath").get("result").toString())
                    .isEqualTo("[{\"value\":\"/\",\"count\":2},{\"value\":\"/pricing\",\"count\":2}]");
            assertThat(calls.get("valuesSearch").get("result").toString()).isEqualTo("[{\"value\":\"/pricing\",\"count\":2}]");
            JsonNode eventData = calls.get("eventData").get("result");
            assertThat(eventData.get("count").asInt()).isEqualTo(1);
            assertThat(eventData.at("/data/0/eventName").asText()).isEqualTo("signup");
            assertThat(eventData.at("/data/0/eventProperties").size()).isEqualTo(3);
            assertThat(zipEntries(calls.get("export").at("/result/zip").asText()))
                    .containsExactly("events.csv", "pages.csv", "referrers.csv", "browsers.csv", "os.csv", "devices.csv", "countries.csv");
            JsonNode paid = calls.get("revenueSessions").get("result");
            assertThat(paid.get("count").asInt()).isEqualTo(1);
            assertThat(paid.at("/data/0/browser").asText()).isEqualTo("chrome");

            JsonNode segment = calls.get("segmentCreated").get("result");
            assertThat(segment.get("websiteId").asText()).isEqualTo(website);
            assertThat(segment.get("type").asText()).isEqualTo("segment");
            assertThat(segment.get("parameters").toString())
                    .isEqualTo("{\"filters\":[{\"name\":\"browser\",\"operator\":\"eq\",\"value\":\"firefox\"}],\"match\":\"all\"}");
            assertThat(calls.get("cohortCreated").at("/result/type").asText()).isEqualTo("cohort");
            assertThat(calls.get("segments").at("/result/count").asInt()).isEqualTo(1);
            assertThat(calls.get("segments").at("/result/data/0/name").asText()).isEqualTo("Firefox");
            assertThat(calls.get("cohortsSearch").at("/result/data/0/name").asText()).isEqualTo("Signed up");
            assertThat(calls.get("segment").get("result")).isEqualTo(segment);
            assertThat(calls.get("segmentUpdated").at("/result/name").asText()).isEqualTo("Firefox users");
            // the Firefox visitor viewed /; the Chrome visitor (2 views) sent signup
            JsonNode bySegment = calls.get("statsSegment").get("result");
            assertThat(bySegment.get("pageviews").asInt()).isEqualTo(1);
            assertThat(bySegment.get("visitors").asInt()).isEqualTo(1);
            JsonNode byCohort = calls.get("statsCohort").get("result");
            assertThat(byCohort.get("pageviews").asInt()).isEqualTo(2);
            assertThat(byCohort.get("visitors").asInt()).isEqualTo(1);
            assertThat(calls.get("metricsCohort").get("result").toString())
                    .isEqualTo("[{\"x\":\"/\",\"y\":1},{\"x\":\"/pricing\",\"y\":1}]");
            assertThat(calls.get("segmentDeleted").at("/result/ok").asBoolean()).isTrue();
            assertThat(calls.get("segmentsAfterDelete").at("/result/count").asInt()).isZero();
        }
    }

    /** Teams, members, team websites, transfers, shares, links and pixels, each operation called through the client itself. */
    @Test
    void apiClientManagesTeamsSharesLinksAndPixels() throws Exception {
        NodeTool.requireNodeAndPackages();
        try (TestServer server = TestServer.start()) {
            NodeTool.Result r = NodeTool.node("umami-api-client-teams.mjs", server.baseUrl() + "/api");
            assertThat(r.exit()).as(r.output()).isZero();
            Map<String, JsonNode> calls = new HashMap<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : r.output().strip().split("\n")) {
                JsonNode n = json.readTree(line);
                calls.put(n.get("label").asText(), n);
            }
            // Refusals the client must see as errors; everything else succeeds.
            Map<String, Integer> refused = Map.of("joinTeamAgain", 400, "sharedMe", 401, "sharedUpdate", 401,
                    "getTeamAfterDelete", 401);
            calls.forEach((label, c) -> {
                if (refused.containsKey(label)) {
                    assertThat(c.get("ok").asBoolean()).as(c.toString()).isFalse();
                    assertThat(c.get("status").asInt()).as(c.toString()).isEqualTo(refused.get(label));
                } else {
                    assertThat(c.get("ok").asBoolean()).as(c.toString()).isTrue();
                }
            });
            assertThat(calls).hasSize(50);
            // Sparklines: two twelve-hour slots of 1 January 1970 (UTC), no traffic.
            String chartLink = calls.get("createLink").at("/result/id").asText();
            assertThat(calls.get("getLinksCharts").at("/result/data/" + chartLink + "/total").asInt()).isZero();
            assertThat(calls.get("getLinksCharts").at("/result/data/" + chartLink + "/values").toString()).isEqualTo("[0,0]");
            String chartSite = calls.get("createOwnWebsite").at("/result/id").asText();
            assertThat(calls.get("getWebsitesCharts").at("/result/data/" + chartSite + "/values").toString()).isEqualTo("[0,0]");
            String chartPixel = calls.get("createPixel").at("/result/id").asText();
            assertThat(calls.get("getPixelsCharts").at("/result/data/" + chartPixel + "/total").asInt()).isZero();

            JsonNode team = calls.get("createTeam").get("result");
            String teamId = team.get(0).get("id").asText();
            assertThat(team.get(1).get("role").asText()).isEqualTo("team-owner");
            assertThat(calls.get("getTeams").at("/result/count").asInt()).isEqualTo(1);
            assertThat(calls.get("getMyTeams").at("/result/data/0/id").asText()).isEqualTo(teamId);
            assertThat(calls.get("getUserTeams").at("/result/data/0/id").asText()).isEqualTo(teamId);
            assertThat(calls.get("updateTeam").at("/result/name").asText()).isEqualTo("Renamed team");
            assertThat(calls.get("joinTeam").at("/result/role").asText()).isEqualTo("team-member");
            assertThat(calls.get("createTeamUser").at("/result/role").asText()).isEqualTo("team-view-only");
            assertThat(calls.get("getTeamUser").at("/result/role").asText()).isEqualTo("team-view-only");
            assertThat(calls.get("updateTeamUser").at("/result/role").asText()).isEqualTo("team-manager");
            assertThat(calls.get("getTeamUsers").at("/result/count").asInt()).isEqualTo(3);
            assertThat(calls.get("getTeamUsers").at("/result/data/0/user/username").asText()).isEqualTo("owner");
            assertThat(calls.get("deleteTeamUser").at("/result/ok").asBoolean()).isTrue();

            String siteId = calls.get("createTeamWebsite").at("/result/id").asText();
            assertThat(calls.get("createTeamWebsite").at("/result/teamId").asText()).isEqualTo(teamId);
            assertThat(calls.get("getTeamWebsites").at("/result/data/0/id").asText()).isEqualTo(siteId);
            assertThat(calls.get("myWebsitesWithTeams").at("/result/count").asInt()).isEqualTo(1);
            assertThat(calls.get("transferToUser").at("/result/teamId").isNull()).isTrue();
            assertThat(calls.get("transferToTeam").at("/result/teamId").asText()).isEqualTo(teamId);

            JsonNode opened = calls.get("getShareBySlug").get("result");
            assertThat(opened.get("websiteId").asText()).isEqualTo(siteId);
            assertThat(opened.get("shareType").asInt()).isEqualTo(1);
            assertThat(calls.get("sharedStats").at("/result/pageviews").asInt()).isZero();
            assertThat(calls.get("sharedWebsite").at("/result/name").asText()).isEqualTo("Team site");

            assertThat(calls.get("createWebsiteShare").at("/result/parameters/overview").asBoolean()).isTrue();
            assertThat(calls.get("getWebsiteShares").at("/result/count").asInt()).isEqualTo(2);
            assertThat(calls.get("getShare").at("/result/name").asText()).isEqualTo("Board");
            assertThat(calls.get("updateShare").at("/result/slug").asText()).isEqualTo("board-two");
            assertThat(calls.get("deleteShare").at("/result/ok").asBoolean()).isTrue();
            assertThat(calls.get("createShare").at("/result/slug").asText()).isEqualTo("direct-slug");
            String teamLink = calls.get("createTeamLink").at("/result/id").asText();
            assertThat(calls.get("createTeamLink").at("/result/teamId").asText()).isEqualTo(teamId);
            assertThat(calls.get("getTeamLinks").at("/result/count").asInt()).isEqualTo(1);
            assertThat(calls.get("getTeamLinks").at("/result/data/0/id").asText()).isEqualTo(teamLink);
            String teamPixel = calls.get("createTeamPixel").at("/result/id").asText();
            assertThat(calls.get("getTeamPixels").at("/result/count").asInt()).isEqualTo(1);
            assertThat(calls.get("getTeamPixels").at("/result/data/0/id").asText()).isEqualTo(teamPixel);
            assertThat(calls.get("deleteTeam").at("/result/ok").asBoolean()).isTrue();

            String linkId = calls.get("createLink").at("/result/id").asText();
            assertThat(calls.get("getLinks").at("/result/data/0/id").asText()).isEqualTo(linkId);
            assertThat(calls.get("getLink").at("/result/slug").asText()).isEqualTo("client-docs");
            assertThat(calls.get("updateLink").at("/result/url").asText()).isEqualTo("https://example.com/v2");
            assertThat(calls.get("deleteLink").at("/result/ok").asBoolean()).isTrue();
            String pixelId = calls.get("createPixel").at("/result/id").asText();
            assertThat(calls.get("getPixels").at("/result/data/0/id").asText()).isEqualTo(pixelId);
            assertThat(calls.get("getPixel").at("/result/slug").asText()).isEqualTo("client-pixel");
            assertThat(calls.get("updatePixel").at("/result/name").asText()).isEqualTo("Mail 2");
            assertThat(calls.get("deletePixel").at("/result/ok").asBoolean()).isTrue();
        }
    }

    /** API keys, boards, board/link/pixel shares and two-factor login, each operation called through the client itself. */
    @Test
    void apiClientManagesApiKeysBoardsAndTwoFactorLogin() throws Exception {
        NodeTool.requireNodeAndPackages();
        try (TestServer server = TestServer.start()) {
            NodeTool.Result r = NodeTool.node("umami-api-client-keys.mjs", server.baseUrl() + "/api");
            assertThat(r.exit()).as(r.output()).isZero();
            Map<String, JsonNode> calls = new HashMap<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : r.output().strip().split("\n")) {
                JsonNode n = json.readTree(line);
                calls.put(n.get("label").asText(), n);
            }
            // Refusals the client must see as errors; everything else succeeds.
            Map<String, Integer> refused = Map.of("apiKeysByApiKey", 401, "meByDeletedKey", 401, "getBoardAfterDelete", 401,
                    "boardSharedUpdate", 401, "boardSharedWebsites", 401);
            calls.forEach((label, c) -> {
                if (refused.containsKey(label)) {
                    assertThat(c.get("ok").asBoolean()).as(c.toString()).isFalse();
                    assertThat(c.get("status").asInt()).as(c.toString()).isEqualTo(refused.get(label));
                } else {
                    assertThat(c.get("ok").asBoolean()).as(c.toString()).isTrue();
                }
            });
            assertThat(calls).hasSize(39);

            JsonNode key = calls.get("createMyApiKey").get("result");
            assertThat(key.get("key").asText()).matches("umami_[0-9A-Za-z]{32}");
            assertThat(key.get("keyPrefix").asText()).isEqualTo(key.get("key").asText().substring(0, 14));
            assertThat(calls.get("getMyApiKeys").at("/result/0/id").asText()).isEqualTo(key.get("id").asText());
            assertThat(calls.get("getMyApiKeys").at("/result/0").has("key")).isFalse();
            assertThat(calls.get("meByApiKey").at("/result/user/username").asText()).isEqualTo("keeper");
            assertThat(calls.get("websitesByApiKey").at("/result/count").asInt()).isEqualTo(1);
            assertThat(calls.get("websitesByApiKey").at("/result/data/0/name").asText()).isEqualTo("Keeper site");
            assertThat(calls.get("statsByBearerKey").at("/result/pageviews").asInt()).isZero();
            assertThat(calls.get("deleteMyApiKey").at("/result/ok").asBoolean()).isTrue();

            JsonNode board = calls.get("createBoard").get("result");
            assertThat(board.get("type").asText()).isEqualTo("mixed");
            assertThat(board.get("description").asText()).isEqualTo("Made by the client");
            assertThat(board.at("/parameters/websiteId").asText()).isEqualTo(calls.get("websitesByApiKey").at("/result/data/0/id").asText());
            assertThat(calls.get("getBoards").at("/result/count").asInt()).isEqualTo(1);
            assertThat(calls.get("getBoard").get("result")).isEqualTo(board);
            assertThat(calls.get("updateBoard").at("/result/name").asText()).isEqualTo("Client board 2");
            assertThat(calls.get("cloneBoard").at("/result/name").asText()).isEqualTo("Client board copy");
            String teamBoard = calls.get("createTeamBoard").at("/result/id").asText();
            assertThat(calls.get("getTeamBoards").at("/result/count").asInt()).isEqualTo(1);
            assertThat(calls.get("getTeamBoards").at("/result/data/0/id").asText()).isEqualTo(teamBoard);
            JsonNode boardShare = calls.get("createBoardShare").get("result");
            assertThat(boardShare.get("shareType").asInt()).isEqualTo(4);
            assertThat(boardShare.get("entityId").asText()).isEqualTo(board.get("id").asText());
            assertThat(calls.get("getBoardShares").at("/result/data/0")).isEqualTo(boardShare);
            assertThat(calls.get("getShareBySlugBoard").at("/result/boardId").asText()).isEqualTo(board.get("id").asText());
            assertThat(calls.get("boardSharedBoard").at("/result/name").asText()).isEqualTo("Client board 2");
            assertThat(calls.get("boardSharedStats").at("/result/pageviews").asInt()).isZero();
            assertThat(calls.get("createLinkShare").at("/result/shareType").asInt()).isEqualTo(2);
            assertThat(calls.get("getLinkShares").at("/result/count").asInt()).isEqualTo(1);
            assertThat(calls.get("createPixelShare").at("/result/shareType").asInt()).isEqualTo(3);
            assertThat(calls.get("getPixelShares").at("/result/count").asInt()).isEqualTo(1);
            assertThat(calls.get("deleteBoard").at("/result/ok").asBoolean()).isTrue();

            assertThat(calls.get("getTwoFactorStatus").at("/result/isEnabled").asBoolean()).isFalse();
            assertThat(calls.get("cancelTwoFactorSetup").at("/result/ok").asBoolean()).isTrue();
            assertThat(calls.get("initiateTwoFactorSetup").at("/result/qrCodeDataUrl").asText()).startsWith("data:image/png;base64,");
            assertThat(calls.get("confirmTwoFactorSetup").at("/result/backupCodes").size()).isEqualTo(10);
            assertThat(calls.get("getTwoFactorStatusEnabled").at("/result/isEnabled").asBoolean()).isTrue();
            assertThat(calls.get("loginTwoFactor").at("/result/requiresTwoFactor").asBoolean()).isTrue();
            assertThat(calls.get("loginTwoFactor").at("/result").has("token")).isFalse();
            assertThat(calls.get("verifyTwoFactor").at("/result/user/username").asText()).isEqualTo("keeper");
            assertThat(calls.get("meAfterTwoFactor").at("/result/user/username").asText()).isEqualTo("keeper");
            assertThat(calls.get("disableTwoFactor").at("/result/ok").asBoolean()).isTrue();
            assertThat(calls.get("loginAfterDisable").at("/result/user/username").asText()).isEqualTo("keeper");
        }
    }
}
