package io.footfall.http;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebsiteApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    String admin() {
        return server.adminToken();
    }

    @Test
    void createReturnsUmamiShape() {
        var res = server.http().post("/api/websites", "{\"name\":\"Shape\",\"domain\":\"shape.example\"}", admin());
        assertThat(res.status()).isEqualTo(200);
        var w = res.json();
        assertThat(w.get("id").asText()).hasSize(36);
        assertThat(w.get("name").asText()).isEqualTo("Shape");
        assertThat(w.get("domain").asText()).isEqualTo("shape.example");
        assertThat(w.get("shareId").isNull()).isTrue();
        assertThat(w.get("resetAt").isNull()).isTrue();
        assertThat(w.get("teamId").isNull()).isTrue();
        assertThat(w.get("deletedAt").isNull()).isTrue();
        String me = server.http().get("/api/me", admin()).json().get("user").get("id").asText();
        assertThat(w.get("userId").asText()).isEqualTo(me);
        assertThat(w.get("createdBy").asText()).isEqualTo(me);
        assertThat(w.get("createdAt").asText()).endsWith("Z");
        assertThat(w.get("updatedAt").asText()).isEqualTo(w.get("createdAt").asText());
    }

    @Test
    void createWithForcedIdAndShareId() {
        String id = "8f2c0e5a-1111-4b2b-9c3d-123456789abc";
        var res = server.http().post("/api/websites", "{\"name\":\"Forced\",\"domain\":\"f.example\",\"id\":\"" + id + "\",\"shareId\":\"forced-share\"}", admin());
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("id").asText()).isEqualTo(id);
        assertThat(res.json().get("shareId").asText()).isEqualTo("forced-share");
        // the same id or share id again is refused
        assertThat(server.http().post("/api/websites", "{\"name\":\"Again\",\"domain\":\"f.example\",\"id\":\"" + id + "\"}", admin()).status()).isEqualTo(400);
        assertThat(server.http().post("/api/websites", "{\"name\":\"Again\",\"domain\":\"f.example\",\"shareId\":\"forced-share\"}", admin()).status()).isEqualTo(400);
    }

    @Test
    void createRejectsBadInputAndWritesNothing() {
        long before = server.http().get("/api/websites?pageSize=1000", admin()).json().get("count").asLong();
        String[] bad = {
                "{\"domain\":\"x.example\"}", "{\"name\":\"x\"}", "{\"name\":\"\",\"domain\":\"x\"}",
                "{\"name\":5,\"domain\":\"x\"}", "{\"name\":\"" + "n".repeat(101) + "\",\"domain\":\"x\"}",
                "{\"name\":\"x\",\"domain\":\"" + "d".repeat(501) + "\"}", "{\"name\":\"x\",\"domain\":\"x\",\"id\":\"nope\"}",
                "{\"name\":\"x\",\"domain\":\"x\",\"teamId\":\"8f2c0e5a-1111-4b2b-9c3d-000000000000\"}", "not json", "[]"};
        for (String body : bad) {
            assertThat(server.http().post("/api/websites", body, admin()).status()).as(body).isEqualTo(400);
        }
        assertThat(server.http().get("/api/websites?pageSize=1000", admin()).json().get("count").asLong()).isEqualTo(before);
    }

    @Test
    void listIsPagedAndSearchable() {
        for (int i = 0; i < 3; i++) server.createWebsite("Paged " + i, "paged" + i + ".example");
        var page1 = server.http().get("/api/websites?search=paged&page=1&pageSize=2", admin()).json();
        assertThat(page1.get("count").asInt()).isEqualTo(3);
        assertThat(page1.get("page").asInt()).isEqualTo(1);
        assertThat(page1.get("pageSize").asInt()).isEqualTo(2);
        assertThat(page1.get("data").size()).isEqualTo(2);
        assertThat(page1.get("data").get(0).get("user").get("username").asText()).isEqualTo("admin");
        var page2 = server.http().get("/api/websites?search=PAGED&page=2&pageSize=2", admin()).json();
        assertThat(page2.get("data").size()).isEqualTo(1);
        var byDomain = server.http().get("/api/websites?search=paged1.example", admin()).json();
        assertThat(byDomain.get("count").asInt()).isEqualTo(1);
        assertThat(server.http().get("/api/me/websites?search=paged", admin()).json().get("count").asInt()).isEqualTo(3);
        assertThat(server.http().get("/api/websites?page=0", admin()).status()).isEqualTo(400);
        assertThat(server.http().get("/api/websites?pageSize=abc", admin()).status()).isEqualTo(400);
        assertThat(server.http().get("/api/websites?search=%25'%20OR%201=1--", admin()).json().get("count").asInt()).isZero();
    }

    @Test
    void getUpdateDeleteLifecycle() {
        String id = server.createWebsite("Life", "life.example");
        assertThat(server.http().get("/api/websites/" + id, admin()).json().get("name").asText()).isEqualTo("Life");
        var updated = server.http().post("/api/websites/" + id, "{\"name\":\"Life 2\",\"domain\":\"life2.example\",\"shareId\":\"life-share\"}", admin());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("name").asText()).isEqualTo("Life 2");
        assertThat(updated.json().get("shareId").asText()).isEqualTo("life-share");
        // shareId null unshares; omitted fields stay
        var unshared = server.http().post("/api/websites/" + id, "{\"shareId\":null}", admin()).json();
        assertThat(unshared.get("shareId").isNull()).isTrue();
        assertThat(unshared.get("domain").asText()).isEqualTo("life2.example");
        assertThat(server.http().post("/api/websites/" + id, "{\"name\":\"" + "n".repeat(101) + "\"}", admin()).status()).isEqualTo(400);

        var del = server.http().delete("/api/websites/" + id, admin());
        assertThat(del.status()).isEqualTo(200);
        assertThat(del.body()).isEqualTo("{\"ok\":true}");
        var gone = server.http().get("/api/websites/" + id, admin());
        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.body()).isEqualTo("null");
    }

    @Test
    void deletingAWebsiteDeletesItsSegmentsReportsAndShares() {
        String id = server.createWebsite("Leaves", "leaves.example");
        String segments = "/api/websites/" + id + "/segments";
        assertThat(server.http().post(segments, "{\"type\":\"segment\",\"name\":\"s\",\"parameters\":{\"filters\":[]}}", admin()).status())
                .isEqualTo(200);
        assertThat(server.http().post(segments, "{\"type\":\"cohort\",\"name\":\"c\",\"parameters\":{\"action\":"
                + "{\"type\":\"path\",\"value\":\"/\"},\"dateRange\":\"30day\"}}", admin()).status()).isEqualTo(200);
        assertThat(server.http().post("/api/reports", "{\"websiteId\":\"" + id + "\",\"type\":\"funnel\",\"name\":\"r\",\"parameters\":{}}",
                admin()).status()).isEqualTo(200);
        var share = server.http().post("/api/websites/" + id + "/shares", "{\"name\":\"sh\"}", admin());
        assertThat(share.status()).as(share.body()).isEqualTo(200);
        String slug = share.json().get("slug").asText();
        assertThat(server.http().get("/api/share/" + slug, null).status()).isEqualTo(200);

        assertThat(server.http().delete("/api/websites/" + id, admin()).status()).isEqualTo(200);

        // an admin may still ask about the id: nothing is left under it
        assertThat(server.http().get(segments + "?type=segment", admin()).json().get("count").asLong()).isZero();
        assertThat(server.http().get(segments + "?type=cohort", admin()).json().get("count").asLong()).isZero();
        assertThat(server.http().get("/api/reports?websiteId=" + id, admin()).json().get("count").asLong()).isZero();
        assertThat(server.http().get("/api/share/" + slug, null).status()).isEqualTo(404);
    }

    @Test
    void unknownAndMalformedIds() {
        var unknown = server.http().get("/api/websites/00000000-0000-4000-8000-000000000000", admin());
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo("null");
        assertThat(server.http().get("/api/websites/not-a-uuid", admin()).status()).isEqualTo(400);
        assertThat(server.http().post("/api/websites/00000000-0000-4000-8000-000000000000", "{\"name\":\"x\"}", admin()).status()).isEqualTo(404);
        assertThat(server.http().delete("/api/websites/00000000-0000-4000-8000-000000000000", admin()).status()).isEqualTo(404);
    }

    @Test
    void resetRemovesEventsAndSetsResetAt() {
        String id = server.createWebsite("Reset", "reset.example");
        var send = server.http().send("POST", "/api/send", "{\"type\":\"event\",\"payload\":{\"website\":\"" + id + "\",\"url\":\"/\",\"name\":\"e\",\"data\":{\"a\":1}}}",
                null, Map.of("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"));
        assertThat(send.status()).isEqualTo(200);
        assertThat(server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", id)).isEqualTo(1);
        var reset = server.http().post("/api/websites/" + id + "/reset", null, admin());
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body()).isEqualTo("{\"ok\":true}");
        assertThat(server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", id)).isZero();
        assertThat(server.count("SELECT count(*) FROM event_data WHERE website_id = ?::UUID", id)).isZero();
        assertThat(server.http().get("/api/websites/" + id, admin()).json().get("resetAt").asText()).endsWith("Z");
    }

    @Test
    void withoutTokenEverythingIs401() {
        String id = server.createWebsite("Private", "p.example");
        assertThat(server.http().get("/api/websites/" + id, null).status()).isEqualTo(401);
        assertThat(server.http().post("/api/websites/" + id, "{\"name\":\"x\"}", null).status()).isEqualTo(401);
        assertThat(server.http().delete("/api/websites/" + id, null).status()).isEqualTo(401);
        assertThat(server.http().post("/api/websites/" + id + "/reset", null, null).status()).isEqualTo(401);
        assertThat(server.http().get("/api/websites/" + id, null).json().get("error").get("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void changePasswordThenLoginWithNewOne() {
        try (TestServer own = TestServer.start()) {
            String token = own.adminToken();
            assertThat(own.http().post("/api/me/password", "{\"currentPassword\":\"wrong\",\"newPassword\":\"abcdefgh\"}", token).status()).isEqualTo(400);
            assertThat(own.http().post("/api/me/password", "{\"currentPassword\":\"umami\",\"newPassword\":\"short\"}", token).status()).isEqualTo(400);
            assertThat(own.http().post("/api/me/password", "{\"currentPassword\":\"umami\",\"newPassword\":\"new-secret-1\"}", token).status()).isEqualTo(200);
            assertThat(own.http().post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"umami\"}", null).status()).isEqualTo(401);
            assertThat(own.http().post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"new-secret-1\"}", null).status()).isEqualTo(200);
        }
    }
}
