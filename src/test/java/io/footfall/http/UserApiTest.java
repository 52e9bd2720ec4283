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

/** The users API (/api/users, /api/admin/users) over real HTTP: shapes, validation, and who may do what. */
class UserApiTest {
    static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String admin() {
        return server.adminToken();
    }

    static String adminId() {
        return server.http().get("/api/me", admin()).json().get("user").get("id").asText();
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The top-level {@code field} of each item of a list. */
    static List<String> each(JsonNode data, String field) {
        List<String> values = new ArrayList<>();
        data.forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    static long userCount() {
        return server.http().get("/api/admin/users?pageSize=1000", admin()).json().get("count").asLong();
    }

    @Test
    void createReturnsTheAccountAndItCanLogIn() {
        var res = server.http().post("/api/users", "{\"username\":\"member\",\"password\":\"member-pass\",\"role\":\"user\"}", admin());
        assertThat(res.status()).isEqualTo(200);
        JsonNode u = res.json();
        assertThat(fieldNames(u)).containsExactly("id", "username", "role", "createdAt");
        assertThat(u.get("id").asText()).hasSize(36);
        assertThat(u.get("username").asText()).isEqualTo("member");
        assertThat(u.get("role").asText()).isEqualTo("user");
        assertThat(u.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        var read = server.http().get("/api/users/" + u.get("id").asText(), admin());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(u);

        var login = server.http().post("/api/auth/login", "{\"username\":\"member\",\"password\":\"member-pass\"}", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("user").get("id").asText()).isEqualTo(u.get("id").asText());
        assertThat(login.json().get("user").get("role").asText()).isEqualTo("user");
        assertThat(login.json().get("user").get("isAdmin").asBoolean()).isFalse();
    }

    @Test
    void createWithForcedIdAndEveryRole() {
        String id = "5b0f3c1e-2222-4c4c-8d8d-123456789abc";
        var res = server.http().post("/api/users", "{\"username\":\"forced\",\"password\":\"forced-pass\",\"role\":\"view-only\",\"id\":\"" + id + "\"}", admin());
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("id").asText()).isEqualTo(id);
        assertThat(res.json().get("role").asText()).isEqualTo("view-only");
        var again = server.http().post("/api/users", "{\"username\":\"forced-2\",\"password\":\"forced-pass\",\"role\":\"user\",\"id\":\"" + id + "\"}", admin());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").get("message").asText()).isEqualTo("A user with id " + id + " already exists");

        var second = server.http().post("/api/users", "{\"username\":\"second-admin\",\"password\":\"admin-pass\",\"role\":\"admin\"}", admin());
        assertThat(second.json().get("role").asText()).isEqualTo("admin");
        String token = server.login("second-admin", "admin-pass");
        assertThat(server.http().get("/api/admin/users", token).status()).isEqualTo(200);
    }

    @Test
    void duplicateUsernameIs400WithAClearMessage() {
        server.createUser("twin", "twin-pass-1", "user");
        var res = server.http().post("/api/users", "{\"username\":\"twin\",\"password\":\"twin-pass-2\",\"role\":\"admin\"}", admin());
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.json().get("error").get("message").asText()).isEqualTo("User already exists");
        // the first account is untouched
        server.login("twin", "twin-pass-1");
        assertThat(server.http().post("/api/users", "{\"username\":\"admin\",\"password\":\"whatever1\",\"role\":\"user\"}", admin()).status())
                .isEqualTo(400);
    }

    @Test
    void badInputIs400AndCreatesNothing() {
        long before = userCount();
        Map<String, String> bad = Map.ofEntries(
                Map.entry("{\"password\":\"long-enough\",\"role\":\"user\"}", "'username' is required"),
                Map.entry("{\"username\":\"\",\"password\":\"long-enough\",\"role\":\"user\"}", "'username' is required"),
                Map.entry("{\"username\":5,\"password\":\"long-enough\",\"role\":\"user\"}", "'username' must be a string"),
                Map.entry("{\"username\":\"" + "u".repeat(256) + "\",\"password\":\"long-enough\",\"role\":\"user\"}", "'username' must be at most 255 characters"),
                Map.entry("{\"username\":\"v1\",\"role\":\"user\"}", "'password' is required"),
                Map.entry("{\"username\":\"v2\",\"password\":\"seven77\",\"role\":\"user\"}", "'password' must be at least 8 characters"),
                Map.entry("{\"username\":\"v3\",\"password\":\"" + "p".repeat(256) + "\",\"role\":\"user\"}", "'password' must be at most 255 characters"),
                Map.entry("{\"username\":\"v4\",\"password\":\"long-enough\"}", "'role' is required"),
                Map.entry("{\"username\":\"v5\",\"password\":\"long-enough\",\"role\":\"superuser\"}", "'role' must be one of admin, user, view-only"),
                Map.entry("{\"username\":\"v6\",\"password\":\"long-enough\",\"role\":\"Admin\"}", "'role' must be one of admin, user, view-only"),
                Map.entry("{\"username\":\"v7\",\"password\":\"long-enough\",\"role\":\"user\",\"id\":\"nope\"}", "'id' must be a UUID"));
        for (var e : bad.entrySet()) {
            var res = server.http().post("/api/users", e.getKey(), admin());
            assertThat(res.status()).as(e.getKey()).isEqualTo(400);
            assertThat(res.json().get("error").get("message").asText()).as(e.getKey()).isEqualTo(e.getValue());
        }
        for (String body : new String[]{"not json", "[]", ""}) {
            assertThat(server.http().post("/api/users", body, admin()).status()).as(body).isEqualTo(400);
        }
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void passwordOfExactlyEightAndOfMoreThan72BytesWork() {
        server.createUser("eight", "12345678", "user");
        server.login("eight", "12345678");
        String longPassword = "a-long-passphrase-".repeat(6); // 108 characters: bcrypt reads the first 72 bytes
        server.createUser("longpass", longPassword, "user");
        server.login("longpass", longPassword);
        var wrong = server.http().post("/api/auth/login", "{\"username\":\"longpass\",\"password\":\"" + "x".repeat(300) + "\"}", null);
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void adminListIsPagedSearchableNewestFirstWithWebsiteCounts() {
        String a = server.createUser("listed-a", "listed-pass", "user");
        String b = server.createUser("listed-b", "listed-pass", "view-only");
        String c = server.createUser("listed-c", "listed-pass", "admin");
        String tokenA = server.login("listed-a", "listed-pass");
        server.createWebsite(tokenA, "A one", "a1.example");
        String gone = server.createWebsite(tokenA, "A two", "a2.example");
        server.createWebsite(tokenA, "A three", "a3.example");
        assertThat(server.http().delete("/api/websites/" + gone, tokenA).status()).isEqualTo(200);

        var res = server.http().get("/api/admin/users?search=LISTED-", admin());
        assertThat(res.status()).isEqualTo(200);
        JsonNode page = res.json();
        assertThat(fieldNames(page)).containsExactly("data", "count", "page", "pageSize", "orderBy");
        assertThat(page.get("count").asInt()).isEqualTo(3);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("pageSize").asInt()).isEqualTo(20);
        JsonNode data = page.get("data");
        assertThat(each(data, "id")).containsExactly(c, b, a);
        assertThat(each(data, "role")).containsExactly("admin", "view-only", "user");
        JsonNode rowA = data.get(2);
        assertThat(fieldNames(rowA)).containsExactly("id", "username", "role", "logoUrl", "displayName", "createdAt",
                "updatedAt", "deletedAt", "_count");
        assertThat(rowA.get("username").asText()).isEqualTo("listed-a");
        assertThat(rowA.get("_count").toString()).isEqualTo("{\"websites\":2}");
        assertThat(data.get(0).get("_count").toString()).isEqualTo("{\"websites\":0}");
        assertThat(rowA.get("deletedAt").isNull()).isTrue();
        assertThat(rowA.get("logoUrl").isNull()).isTrue();
        assertThat(rowA.get("createdAt").asText()).isEqualTo(server.http().get("/api/users/" + a, admin()).json().get("createdAt").asText());

        JsonNode page2 = server.http().get("/api/admin/users?search=listed&page=2&pageSize=2", admin()).json();
        assertThat(page2.get("count").asInt()).isEqualTo(3);
        assertThat(each(page2.get("data"), "id")).containsExactly(a);
        assertThat(server.http().get("/api/admin/users?search=%25'%20OR%201=1--", admin()).json().get("count").asInt()).isZero();
        assertThat(server.http().get("/api/admin/users?page=0", admin()).status()).isEqualTo(400);
        assertThat(server.http().get("/api/admin/users?pageSize=x", admin()).status()).isEqualTo(400);
        JsonNode everyone = server.http().get("/api/admin/users?pageSize=1000", admin()).json();
        assertThat(each(everyone.get("data"), "username")).contains("admin", "listed-a");
    }

    @Test
    void adminUpdatesUsernameRolePassword() {
        String id = server.createUser("renamed-before", "before-pass", "user");
        var res = server.http().post("/api/users/" + id, "{\"username\":\"renamed-after\",\"password\":\"after-pass\",\"role\":\"view-only\"}", admin());
        assertThat(res.status()).isEqualTo(200);
        JsonNode u = res.json();
        assertThat(fieldNames(u)).containsExactly("id", "username", "role", "createdAt");
        assertThat(u.get("id").asText()).isEqualTo(id);
        assertThat(u.get("username").asText()).isEqualTo("renamed-after");
        assertThat(u.get("role").asText()).isEqualTo("view-only");
        assertThat(server.http().get("/api/users/" + id, admin()).json()).isEqualTo(u);
        assertThat(server.http().post("/api/auth/login", "{\"username\":\"renamed-before\",\"password\":\"before-pass\"}", null).status()).isEqualTo(401);
        assertThat(server.http().post("/api/auth/login", "{\"username\":\"renamed-after\",\"password\":\"before-pass\"}", null).status()).isEqualTo(401);
        server.login("renamed-after", "after-pass");

        // omitted fields stay; the old name is free again
        var roleOnly = server.http().post("/api/users/" + id, "{\"role\":\"user\"}", admin()).json();
        assertThat(roleOnly.get("username").asText()).isEqualTo("renamed-after");
        assertThat(roleOnly.get("role").asText()).isEqualTo("user");
        server.login("renamed-after", "after-pass");
        server.createUser("renamed-before", "someone-else", "user");
        // the same name as now is no conflict
        assertThat(server.http().post("/api/users/" + id, "{\"username\":\"renamed-after\"}", admin()).status()).isEqualTo(200);
    }

    @Test
    void updateRejectsBadInputTakenNamesAndUnknownIds() {
        String id = server.createUser("upd-target", "target-pass", "user");
        server.createUser("upd-other", "other-pass", "user");
        var taken = server.http().post("/api/users/" + id, "{\"username\":\"upd-other\"}", admin());
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("error").get("message").asText()).isEqualTo("User already exists");
        for (String body : new String[]{"{\"password\":\"short\"}", "{\"password\":\"\"}", "{\"role\":\"root\"}",
                "{\"username\":\"\"}", "{\"username\":7}", "not json"}) {
            assertThat(server.http().post("/api/users/" + id, body, admin()).status()).as(body).isEqualTo(400);
        }
        JsonNode unchanged = server.http().get("/api/users/" + id, admin()).json();
        assertThat(unchanged.get("username").asText()).isEqualTo("upd-target");
        assertThat(unchanged.get("role").asText()).isEqualTo("user");
        server.login("upd-target", "target-pass");

        var unknown = server.http().post("/api/users/" + UNKNOWN, "{\"role\":\"user\"}", admin());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(server.http().post("/api/users/not-a-uuid", "{\"role\":\"user\"}", admin()).status()).isEqualTo(400);
    }

    @Test
    void aUserChangesOnlyItsOwnPassword() {
        String id = server.createUser("self-service", "self-pass-1", "user");
        String token = server.login("self-service", "self-pass-1");
        var res = server.http().post("/api/users/" + id, "{\"password\":\"self-pass-2\",\"role\":\"admin\",\"username\":\"self-admin\"}", token);
        assertThat(res.status()).isEqualTo(200);
        // as in Umami: the role and username of the request are an admin's to change and are ignored
        assertThat(res.json().get("username").asText()).isEqualTo("self-service");
        assertThat(res.json().get("role").asText()).isEqualTo("user");
        assertThat(server.http().get("/api/admin/users", token).status()).isEqualTo(401);
        assertThat(server.http().post("/api/auth/login", "{\"username\":\"self-service\",\"password\":\"self-pass-1\"}", null).status()).isEqualTo(401);
        server.login("self-service", "self-pass-2");
        assertThat(server.http().post("/api/users/" + id, "{\"password\":\"short\"}", token).status()).isEqualTo(400);
    }

    @Test
    void aUserReadsOnlyItsOwnAccountWebsitesAndTeams() {
        String id = server.createUser("reader", "reader-pass", "user");
        String other = server.createUser("reader-other", "reader-pass", "user");
        String token = server.login("reader", "reader-pass");
        String site = server.createWebsite(token, "Reader's", "reader.example");
        server.createWebsite(server.login("reader-other", "reader-pass"), "Other's", "other.example");

        JsonNode self = server.http().get("/api/users/" + id, token).json();
        assertThat(self.get("username").asText()).isEqualTo("reader");
        JsonNode sites = server.http().get("/api/users/" + id + "/websites", token).json();
        assertThat(sites.get("count").asInt()).isEqualTo(1);
        assertThat(sites.get("data").get(0).get("id").asText()).isEqualTo(site);
        assertThat(sites.get("data").get(0).get("user").toString()).isEqualTo("{\"username\":\"reader\",\"id\":\"" + id + "\"}");
        assertThat(server.http().get("/api/users/" + id + "/teams", token).body())
                .isEqualTo("{\"data\":[],\"count\":0,\"page\":1,\"pageSize\":20}");
        assertThat(server.http().get("/api/users/" + id + "/teams?page=2&pageSize=5", token).body())
                .isEqualTo("{\"data\":[],\"count\":0,\"page\":2,\"pageSize\":5}");

        for (String target : new String[]{other, adminId(), UNKNOWN}) {
            for (String path : new String[]{"", "/websites", "/teams"}) {
                var res = server.http().get("/api/users/" + target + path, token);
                assertThat(res.status()).as(target + path).isEqualTo(401);
                assertThat(res.json().get("error").get("code").asText()).isEqualTo("unauthorized");
            }
            assertThat(server.http().post("/api/users/" + target, "{\"password\":\"hijacked-1\"}", token).status()).isEqualTo(401);
            assertThat(server.http().delete("/api/users/" + target, token).status()).isEqualTo(401);
        }
        server.login("reader-other", "reader-pass");
    }

    @Test
    void adminOnlyRoutesAre401ForUsersAndViewOnly() {
        server.createUser("plain", "plain-pass", "user");
        server.createUser("watcher", "watcher-pass", "view-only");
        long before = userCount();
        for (String token : new String[]{server.login("plain", "plain-pass"), server.login("watcher", "watcher-pass")}) {
            var create = server.http().post("/api/users", "{\"username\":\"sneaky\",\"password\":\"sneaky-pass\",\"role\":\"admin\"}", token);
            assertThat(create.status()).isEqualTo(401);
            assertThat(create.json().get("error").get("code").asText()).isEqualTo("unauthorized");
            assertThat(server.http().post("/api/users", "not json", token).status()).isEqualTo(401);
            assertThat(server.http().get("/api/admin/users", token).status()).isEqualTo(401);
        }
        assertThat(userCount()).isEqualTo(before);
        for (String path : new String[]{"/api/users/" + UNKNOWN, "/api/admin/users", "/api/users/" + UNKNOWN + "/websites"}) {
            assertThat(server.http().get(path, null).status()).as(path).isEqualTo(401);
        }
        assertThat(server.http().post("/api/users", "{\"username\":\"anon\",\"password\":\"anon-pass\",\"role\":\"user\"}", null).status()).isEqualTo(401);
    }

    @Test
    void adminSeesAnyUsersWebsites() {
        String id = server.createUser("owner-of-two", "owner-pass", "user");
        String token = server.login("owner-of-two", "owner-pass");
        String first = server.createWebsite(token, "First", "first.example");
        String second = server.createWebsite(token, "Second", "second.example");
        JsonNode sites = server.http().get("/api/users/" + id + "/websites?pageSize=1&page=2", admin()).json();
        assertThat(sites.get("count").asInt()).isEqualTo(2);
        assertThat(sites.get("pageSize").asInt()).isEqualTo(1);
        assertThat(each(sites.get("data"), "id")).containsExactly(first);
        assertThat(each(server.http().get("/api/users/" + id + "/websites?search=second", admin()).json().get("data"), "id"))
                .containsExactly(second);
        assertThat(server.http().get("/api/users/" + UNKNOWN + "/websites", admin()).json().get("count").asInt()).isZero();
        assertThat(server.http().get("/api/users/" + id + "/teams", admin()).json().get("count").asInt()).isZero();
    }

    @Test
    void unknownAndMalformedIds() {
        var unknown = server.http().get("/api/users/" + UNKNOWN, admin());
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo("null");
        assertThat(server.http().get("/api/users/not-a-uuid", admin()).status()).isEqualTo(400);
        assertThat(server.http().delete("/api/users/" + UNKNOWN, admin()).status()).isEqualTo(404);
        assertThat(server.http().delete("/api/users/not-a-uuid", admin()).status()).isEqualTo(400);
    }

    @Test
    void anAdminCannotDeleteItself() {
        var res = server.http().delete("/api/users/" + adminId(), admin());
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.json().get("error").get("message").asText()).isEqualTo("You cannot delete yourself.");
        assertThat(server.http().get("/api/me", admin()).status()).isEqualTo(200);
    }

    @Test
    void deleteRemovesTheAccountItsWebsitesAndTheirDataAndFreesTheName() {
        String id = server.createUser("leaving", "leaving-pass", "user");
        String token = server.login("leaving", "leaving-pass");
        String site = server.createWebsite(token, "Leaving", "leaving.example");
        var send = server.http().send("POST", "/api/send", "{\"type\":\"event\",\"payload\":{\"website\":\"" + site
                + "\",\"url\":\"/\",\"name\":\"bye\",\"data\":{\"a\":1}}}", null, Map.of("User-Agent", CHROME));
        assertThat(send.status()).isEqualTo(200);
        assertThat(server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", site)).isEqualTo(1);

        assertThat(server.http().post("/api/me/api-keys", "{\"name\":\"ci\"}", token).status()).isEqualTo(200);
        assertThat(server.http().post("/api/me/preferences", "{\"theme\":\"dark\"}", token).status()).isEqualTo(200);
        assertThat(server.http().post("/api/boards", "{\"type\":\"website\",\"name\":\"Mine\",\"parameters\":{\"websiteId\":\"" + site + "\"}}", token).status())
                .isEqualTo(200);
        assertThat(server.count("SELECT count(*) FROM api_key WHERE user_id = ?::UUID", id)).isEqualTo(1);

        var del = server.http().delete("/api/users/" + id, admin());
        assertThat(del.status()).isEqualTo(200);
        // nothing of the account's own is left behind
        assertThat(server.count("SELECT count(*) FROM api_key WHERE user_id = ?::UUID", id)).isZero();
        assertThat(server.count("SELECT count(*) FROM user_preference WHERE user_id = ?::UUID", id)).isZero();
        assertThat(server.count("SELECT count(*) FROM board WHERE user_id = ?::UUID", id)).isZero();
        assertThat(del.body()).isEqualTo("{\"ok\":true}");

        assertThat(server.http().get("/api/me", token).status()).isEqualTo(401);
        assertThat(server.http().post("/api/auth/login", "{\"username\":\"leaving\",\"password\":\"leaving-pass\"}", null).status()).isEqualTo(401);
        assertThat(server.http().get("/api/users/" + id, admin()).body()).isEqualTo("null");
        assertThat(server.http().delete("/api/users/" + id, admin()).status()).isEqualTo(404);
        assertThat(server.http().get("/api/admin/users?search=leaving", admin()).json().get("count").asInt()).isZero();
        assertThat(server.http().get("/api/websites/" + site, admin()).body()).isEqualTo("null");
        assertThat(server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", site)).isZero();
        assertThat(server.count("SELECT count(*) FROM event_data WHERE website_id = ?::UUID", site)).isZero();

        // the name can be taken by a new account; the old id cannot be forced again
        String again = server.createUser("leaving", "leaving-pass-2", "user");
        assertThat(again).isNotEqualTo(id);
        server.login("leaving", "leaving-pass-2");
        assertThat(server.http().post("/api/users", "{\"username\":\"leaving-2\",\"password\":\"leaving-pass\",\"role\":\"user\",\"id\":\"" + id + "\"}", admin()).status())
                .isEqualTo(400);
    }
}
