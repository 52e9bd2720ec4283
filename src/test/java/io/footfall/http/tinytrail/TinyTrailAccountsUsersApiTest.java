package io.footfall.http.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.ApiKeyCodes;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TinyTrail API's foundation over real HTTP: the envelope and its error codes, X-API-KEY authentication,
 * the bootstrap admin key, /health, accounts (= teams) and users (= users holding a tt_ key).
 */
class TinyTrailAccountsUsersApiTest {
    static final String NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";
    static TestServer server;
    static String adminKey;

    @BeforeAll
    static void start() throws Exception {
        // The per-key limit has a test of its own; here the admin key makes more than 60 requests a minute.
        server = TestServer.start(Map.of("TINYTRAIL_API_RATE_LIMIT", "100000"));
        adminKey = Files.readString(server.dataDir().resolve("admin-api-key")).trim();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpClientForTests.Response call(String method, String path, String body, String key) {
        return server.http().send(method, path, body, null, key == null ? Map.of() : Map.of("X-API-KEY", key));
    }

    static JsonNode success(HttpClientForTests.Response res, int status) {
        assertThat(res.status()).as(res.body()).isEqualTo(status);
        assertThat(res.header("content-type")).startsWith("application/json");
        JsonNode body = res.json();
        assertThat(fields(body)).containsExactly("status", "data");
        assertThat(body.get("status").asText()).isEqualTo("success");
        return body.get("data");
    }

    static void error(HttpClientForTests.Response res, int status, String code, String message) {
        assertThat(res.status()).as(res.body()).isEqualTo(status);
        JsonNode body = res.json();
        assertThat(fields(body)).containsExactly("status", "error");
        assertThat(body.get("status").asText()).isEqualTo("error");
        assertThat(fields(body.get("error"))).containsExactly("code", "message");
        assertThat(body.get("error").get("code").asText()).isEqualTo(code);
        if (message != null) assertThat(body.get("error").get("message").asText()).isEqualTo(message);
    }

    static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static JsonNode createAccount(String name) {
        return success(call("POST", "/api/v1/accounts", "{\"name\":\"" + name + "\"}", adminKey), 201);
    }

    static JsonNode createUser(String accountId, String role, String email) {
        String body = "{\"account_id\":\"" + accountId + "\",\"role\":\"" + role + "\""
                + (email != null ? ",\"email\":\"" + email + "\"" : "") + "}";
        return success(call("POST", "/api/v1/users", body, adminKey), 201);
    }

    @Test
    void firstStartWritesTheAdminKeyReadableOnlyByTheOwner() throws Exception {
        assertThat(adminKey).matches("tt_[0-9A-Za-z]{32}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dataDir().resolve("admin-api-key"))))
                .isEqualTo("rw-------");
        var rows = server.query("SELECT key_hash, key_encrypted FROM api_key WHERE key_hash = ?", ApiKeyCodes.hash(adminKey));
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("key_encrypted").toString()).doesNotContain(adminKey);
        JsonNode users = success(call("GET", "/api/v1/users", null, adminKey), 200);
        JsonNode admin = null;
        for (JsonNode u : users) if ("admin".equals(u.get("email").asText())) admin = u;
        assertThat(admin).isNotNull();
        assertThat(admin.get("role").asText()).isEqualTo("admin");
        assertThat(admin.get("accountId").isNull()).isTrue();
    }

    @Test
    void healthAnswersWithoutEnvelopeOrKey() {
        var res = call("GET", "/health", null, null);
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("{\"status\":\"ok\",\"db\":\"connected\",\"version\":\"0.1.0\"}");
    }

    @Test
    void missingOrUnknownKeyIsUnauthorized() {
        error(call("GET", "/api/v1/accounts", null, null), 401, "UNAUTHORIZED", "Missing or invalid X-API-KEY header");
        error(call("GET", "/api/v1/accounts", null, "tt_" + "x".repeat(32)), 401, "UNAUTHORIZED", null);
        error(call("GET", "/api/v1/websites/whatever/nothing", null, null), 404, "NOT_FOUND", null);
    }

    @Test
    void accountsAreCreatedListedAndDeleted() {
        JsonNode created = createAccount("Acme Corp");
        assertThat(fields(created)).containsExactly("id", "name", "createdAt");
        assertThat(created.get("name").asText()).isEqualTo("Acme Corp");
        assertThat(created.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        String id = created.get("id").asText();

        JsonNode listed = success(call("GET", "/api/v1/accounts", null, adminKey), 200);
        assertThat(listed.toString()).contains(created.toString());
        // An account is a Footfall team: the Umami API sees it under the same id.
        assertThat(server.count("SELECT COUNT(*) FROM team WHERE team_id = ?::UUID AND name = 'Acme Corp' AND deleted_at IS NULL", id))
                .isEqualTo(1);

        JsonNode deleted = success(call("DELETE", "/api/v1/accounts/" + id, null, adminKey), 200);
        assertThat(deleted).isEqualTo(created);
        error(call("DELETE", "/api/v1/accounts/" + id, null, adminKey), 404, "NOT_FOUND", "Account not found");
        assertThat(success(call("GET", "/api/v1/accounts", null, adminKey), 200).toString()).doesNotContain(id);
    }

    @Test
    void accountValidation() {
        error(call("POST", "/api/v1/accounts", "{}", adminKey), 400, "INVALID_PAYLOAD", "'name' is required");
        error(call("POST", "/api/v1/accounts", "{\"name\":\"   \"}", adminKey), 400, "INVALID_PAYLOAD", "'name' is required");
        error(call("POST", "/api/v1/accounts", "{\"name\":7}", adminKey), 400, "INVALID_PAYLOAD", "'name' must be a string");
        error(call("POST", "/api/v1/accounts", "{\"name\":", adminKey), 400, "INVALID_PAYLOAD", "Malformed JSON body");
        error(call("POST", "/api/v1/accounts", "[1]", adminKey), 400, "INVALID_PAYLOAD", "Body must be a JSON object");
        error(call("DELETE", "/api/v1/accounts/not-a-uuid", null, adminKey), 400, "INVALID_PAYLOAD", "'id' must be a UUID");
        error(call("DELETE", "/api/v1/accounts/" + NO_SUCH_ID, null, adminKey), 404, "NOT_FOUND", "Account not found");
    }

    @Test
    void aUserGetsAKeyOnceThatAnAdminCanReadBack() {
        String account = createAccount("Keys Ltd").get("id").asText();
        JsonNode user = createUser(account, "user", "ann@example.com");
        assertThat(fields(user)).containsExactly("id", "accountId", "email", "role", "apiKey", "createdAt");
        assertThat(user.get("accountId").asText()).isEqualTo(account);
        assertThat(user.get("email").asText()).isEqualTo("ann@example.com");
        assertThat(user.get("role").asText()).isEqualTo("user");
        String key = user.get("apiKey").asText();
        assertThat(key).matches("tt_[0-9A-Za-z]{32}");
        String id = user.get("id").asText();

        JsonNode listed = null;
        for (JsonNode u : success(call("GET", "/api/v1/users", null, adminKey), 200)) {
            if (u.get("id").asText().equals(id)) listed = u;
        }
        assertThat(listed).isNotNull();
        assertThat(fields(listed)).containsExactly("id", "accountId", "email", "role", "createdAt");
        assertThat(listed.get("accountId").asText()).isEqualTo(account);

        JsonNode revealed = success(call("GET", "/api/v1/users/" + id + "/api-key", null, adminKey), 200);
        assertThat(revealed.toString()).isEqualTo("{\"id\":\"" + id + "\",\"apiKey\":\"" + key + "\"}");
        // Stored hashed, the copy encrypted.
        assertThat(server.count("SELECT COUNT(*) FROM api_key WHERE key_hash = ? AND key_encrypted <> ?",
                ApiKeyCodes.hash(key), key)).isEqualTo(1);
    }

    @Test
    void aUserWithoutEmailShowsNone() {
        String account = createAccount("No Mail").get("id").asText();
        JsonNode user = createUser(account, "admin", null);
        assertThat(user.get("email").isNull()).isTrue();
        assertThat(user.get("role").asText()).isEqualTo("admin");
        // An admin created in an account may use the admin routes.
        success(call("GET", "/api/v1/accounts", null, user.get("apiKey").asText()), 200);
    }

    @Test
    void aUserKeyIsForbiddenOnAdminRoutes() {
        String account = createAccount("Plain").get("id").asText();
        JsonNode user = createUser(account, "user", "plain@example.com");
        String key = user.get("apiKey").asText();
        for (String[] route : new String[][]{{"GET", "/api/v1/accounts"}, {"POST", "/api/v1/accounts"},
                {"DELETE", "/api/v1/accounts/" + account}, {"GET", "/api/v1/users"}, {"POST", "/api/v1/users"},
                {"GET", "/api/v1/users/" + user.get("id").asText() + "/api-key"},
                {"DELETE", "/api/v1/users/" + user.get("id").asText()}}) {
            error(call(route[0], route[1], "{\"name\":\"x\"}", key), 403, "FORBIDDEN", "This API key may not do that");
        }
        assertThat(success(call("GET", "/api/v1/accounts", null, adminKey), 200).toString()).contains(account);
    }

    @Test
    void userValidation() {
        String account = createAccount("Valid").get("id").asText();
        error(call("POST", "/api/v1/users", "{\"role\":\"user\"}", adminKey), 400, "INVALID_PAYLOAD", "'account_id' is required");
        error(call("POST", "/api/v1/users", "{\"account_id\":\"" + account + "\"}", adminKey), 400, "INVALID_PAYLOAD",
                "'role' is required");
        error(call("POST", "/api/v1/users", "{\"account_id\":\"" + account + "\",\"role\":\"owner\"}", adminKey), 400,
                "INVALID_PAYLOAD", "'role' must be admin or user");
        error(call("POST", "/api/v1/users", "{\"account_id\":\"nope\",\"role\":\"user\"}", adminKey), 400,
                "INVALID_PAYLOAD", "'account_id' must be a UUID");
        error(call("POST", "/api/v1/users", "{\"account_id\":\"" + NO_SUCH_ID + "\",\"role\":\"user\"}", adminKey), 400,
                "INVALID_PAYLOAD", "Account not found");
        createUser(account, "user", "twice@example.com");
        error(call("POST", "/api/v1/users", "{\"account_id\":\"" + account + "\",\"role\":\"user\",\"email\":\"twice@example.com\"}",
                adminKey), 400, "INVALID_PAYLOAD", "A user with this email already exists");
        error(call("GET", "/api/v1/users/bad/api-key", null, adminKey), 400, "INVALID_PAYLOAD", "'id' must be a UUID");
        error(call("GET", "/api/v1/users/" + NO_SUCH_ID + "/api-key", null, adminKey), 404, "NOT_FOUND", "User not found");
        error(call("DELETE", "/api/v1/users/bad", null, adminKey), 400, "INVALID_PAYLOAD", "'id' must be a UUID");
        error(call("DELETE", "/api/v1/users/" + NO_SUCH_ID, null, adminKey), 404, "NOT_FOUND", "User not found");
    }

    @Test
    void deletingAUserRevokesItsKey() {
        String account = createAccount("Leaving").get("id").asText();
        JsonNode user = createUser(account, "admin", "leaving@example.com");
        String key = user.get("apiKey").asText();
        success(call("GET", "/api/v1/accounts", null, key), 200);
        JsonNode deleted = success(call("DELETE", "/api/v1/users/" + user.get("id").asText(), null, adminKey), 200);
        assertThat(deleted.get("id").asText()).isEqualTo(user.get("id").asText());
        assertThat(deleted.has("apiKey")).isFalse();
        error(call("GET", "/api/v1/accounts", null, key), 401, "UNAUTHORIZED", null);
        error(call("GET", "/api/v1/users/" + user.get("id").asText() + "/api-key", null, adminKey), 404, "NOT_FOUND", null);
    }

    @Test
    void deletingAnAccountDeletesItsUsers() {
        String account = createAccount("Gone").get("id").asText();
        JsonNode user = createUser(account, "user", "gone@example.com");
        success(call("DELETE", "/api/v1/accounts/" + account, null, adminKey), 200);
        error(call("GET", "/api/v1/users/" + user.get("id").asText() + "/api-key", null, adminKey), 404, "NOT_FOUND", null);
        error(call("GET", "/api/v1/users", null, user.get("apiKey").asText()), 401, "UNAUTHORIZED", null);
    }

    static JsonNode createWebsite(String key, String body) {
        return success(call("POST", "/api/v1/websites", body, key), 201);
    }

    @Test
    void websitesAreCreatedWithTheirSettingsAndListedPerAccount() {
        String account = createAccount("Sites Inc").get("id").asText();
        String other = createAccount("Other Inc").get("id").asText();
        String key = createUser(account, "user", "sites@example.com").get("apiKey").asText();
        String otherKey = createUser(other, "user", "other@example.com").get("apiKey").asText();

        JsonNode site = createWebsite(key, "{\"domain\":\"example.com\",\"content_groups\":[{\"name\":\"Blog\",\"pattern\":\"/blog/*\"}],"
                + "\"excluded_ips\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}");
        assertThat(fields(site)).containsExactly("id", "accountId", "domain", "contentGroups", "excludedIps", "createdAt");
        assertThat(site.get("accountId").asText()).isEqualTo(account);
        assertThat(site.get("domain").asText()).isEqualTo("example.com");
        assertThat(site.get("contentGroups").toString()).isEqualTo("[{\"name\":\"Blog\",\"pattern\":\"/blog/*\"}]");
        assertThat(site.get("excludedIps").toString()).isEqualTo("[\"203.0.113.0/24\",\"2001:db8::/32\"]");
        JsonNode plain = createWebsite(key, "{\"domain\":\"shop.example.com\"}");
        assertThat(plain.get("contentGroups").toString()).isEqualTo("[]");
        assertThat(plain.get("excludedIps").toString()).isEqualTo("[]");
        JsonNode theirs = createWebsite(otherKey, "{\"domain\":\"example.com\"}");

        JsonNode mine = success(call("GET", "/api/v1/websites", null, key), 200);
        assertThat(mine.toString()).isEqualTo("[" + site + "," + plain + "]");
        JsonNode all = success(call("GET", "/api/v1/websites", null, adminKey), 200);
        assertThat(all.toString()).contains(site.toString(), plain.toString(), theirs.toString());
        // The same website through the Umami API: a team website of the account's team.
        assertThat(server.count("SELECT COUNT(*) FROM website WHERE website_id = ?::UUID AND team_id = ?::UUID AND domain = 'example.com'",
                site.get("id").asText(), account)).isEqualTo(1);
    }

    @Test
    void theUmamiApiShowsATinyTrailWebsitesSettings() {
        String account = createAccount("Both APIs Inc").get("id").asText();
        String key = createUser(account, "user", "both@example.com").get("apiKey").asText();
        JsonNode site = createWebsite(key, "{\"domain\":\"both.example\",\"content_groups\":[{\"name\":\"Docs\",\"pattern\":\"/docs/*\"}],"
                + "\"excluded_ips\":[\"198.51.100.7\"]}");
        String id = site.get("id").asText();

        JsonNode umami = server.http().get("/api/websites/" + id, server.adminToken()).json();
        assertThat(umami.get("domain").asText()).isEqualTo("both.example");
        assertThat(umami.get("contentGroups").toString()).isEqualTo("[{\"name\":\"Docs\",\"pattern\":\"/docs/*\"}]");
        assertThat(umami.get("excludedIps").toString()).isEqualTo("[\"198.51.100.7\"]");

        // Renaming it through Umami keeps the settings, and shows them in the answer.
        var renamed = server.http().post("/api/websites/" + id, "{\"name\":\"Both\"}", server.adminToken());
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Both");
        assertThat(renamed.json().get("excludedIps").toString()).isEqualTo("[\"198.51.100.7\"]");

        // A website made through Umami has none.
        String plain = server.createWebsite("Plain", "plain.example");
        JsonNode plainView = server.http().get("/api/websites/" + plain, server.adminToken()).json();
        assertThat(plainView.get("contentGroups").toString()).isEqualTo("[]");
        assertThat(plainView.get("excludedIps").toString()).isEqualTo("[]");
    }

    @Test
    void anAdminPlacesAWebsiteInAnyAccount() {
        String account = createAccount("Placed").get("id").asText();
        JsonNode site = createWebsite(adminKey, "{\"domain\":\"placed.example\",\"account_id\":\"" + account + "\"}");
        assertThat(site.get("accountId").asText()).isEqualTo(account);
        error(call("POST", "/api/v1/websites", "{\"domain\":\"x.example\"}", adminKey), 400, "INVALID_PAYLOAD",
                "'account_id' is required");
        error(call("POST", "/api/v1/websites", "{\"domain\":\"x.example\",\"account_id\":\"" + NO_SUCH_ID + "\"}", adminKey),
                400, "INVALID_PAYLOAD", "Account not found");
    }

    @Test
    void websiteValidation() {
        String account = createAccount("Checks").get("id").asText();
        String key = createUser(account, "user", "checks@example.com").get("apiKey").asText();
        createWebsite(key, "{\"domain\":\"dup.example\"}");
        String shape = "'content_groups' must be an array of {name, pattern} with non-empty strings";
        String[][] cases = {
                {"{}", "'domain' is required"},
                {"{\"domain\":\"bad domain\"}", "'domain' must be 1 to 255 letters, digits, hyphens and dots"},
                {"{\"domain\":\"" + "a".repeat(256) + "\"}", "'domain' must be 1 to 255 letters, digits, hyphens and dots"},
                {"{\"domain\":5}", "'domain' must be 1 to 255 letters, digits, hyphens and dots"},
                {"{\"domain\":\"DUP.example\"}", "A website with this domain already exists in the account"},
                {"{\"domain\":\"ok.example\",\"content_groups\":{}}", shape},
                {"{\"domain\":\"ok.example\",\"content_groups\":[{\"name\":\"Blog\"}]}", shape},
                {"{\"domain\":\"ok.example\",\"content_groups\":[{\"name\":\"\",\"pattern\":\"/x\"}]}", shape},
                {"{\"domain\":\"ok.example\",\"excluded_ips\":\"1.2.3.4\"}", "'excluded_ips' must be an array of IP addresses or CIDR ranges"},
                {"{\"domain\":\"ok.example\",\"excluded_ips\":[\"1.2.3.999\"]}", "'excluded_ips' has an invalid entry: 1.2.3.999"},
                {"{\"domain\":\"ok.example\",\"excluded_ips\":[\"10.0.0.0/33\"]}", "'excluded_ips' has an invalid entry: 10.0.0.0/33"},
                {"{\"domain\":\"ok.example\",\"account_id\":\"nope\"}", "'account_id' must be a UUID"},
        };
        for (String[] c : cases) error(call("POST", "/api/v1/websites", c[0], key), 400, "INVALID_PAYLOAD", c[1]);
        assertThat(success(call("GET", "/api/v1/websites", null, key), 200).size()).isEqualTo(1);
        // A user naming another account is told it does not exist.
        String other = createAccount("Elsewhere").get("id").asText();
        error(call("POST", "/api/v1/websites", "{\"domain\":\"ok.example\",\"account_id\":\"" + other + "\"}", key),
                404, "NOT_FOUND", "Account not found");
    }

    @Test
    void websitesAreUpdatedPartly() {
        String account = createAccount("Patch").get("id").asText();
        String key = createUser(account, "user", "patch@example.com").get("apiKey").asText();
        JsonNode site = createWebsite(key, "{\"domain\":\"before.example\",\"excluded_ips\":[\"10.0.0.1\"]}");
        String id = site.get("id").asText();
        createWebsite(key, "{\"domain\":\"taken.example\"}");

        JsonNode renamed = success(call("PATCH", "/api/v1/websites/" + id, "{\"domain\":\"after.example\"}", key), 200);
        assertThat(renamed.get("domain").asText()).isEqualTo("after.example");
        assertThat(renamed.get("excludedIps").toString()).isEqualTo("[\"10.0.0.1\"]");
        JsonNode grouped = success(call("PATCH", "/api/v1/websites/" + id,
                "{\"content_groups\":[{\"name\":\"Docs\",\"pattern\":\"/docs/*\"}],\"excluded_ips\":[]}", key), 200);
        assertThat(grouped.toString()).isEqualTo("{\"id\":\"" + id + "\",\"accountId\":\"" + account
                + "\",\"domain\":\"after.example\",\"contentGroups\":[{\"name\":\"Docs\",\"pattern\":\"/docs/*\"}],"
                + "\"excludedIps\":[],\"createdAt\":\"" + site.get("createdAt").asText() + "\"}");
        assertThat(success(call("GET", "/api/v1/websites", null, key), 200).get(0)).isEqualTo(grouped);

        error(call("PATCH", "/api/v1/websites/" + id, "{}", key), 400, "INVALID_PAYLOAD",
                "Provide at least one of domain, content_groups, excluded_ips");
        error(call("PATCH", "/api/v1/websites/" + id, "{\"domain\":\"taken.example\"}", key), 400, "INVALID_PAYLOAD",
                "A website with this domain already exists in the account");
        error(call("PATCH", "/api/v1/websites/" + id, "{\"domain\":\"no way\"}", key), 400, "INVALID_PAYLOAD", null);
        error(call("PATCH", "/api/v1/websites/bad", "{\"domain\":\"x.example\"}", key), 400, "INVALID_PAYLOAD", "'id' must be a UUID");
        error(call("PATCH", "/api/v1/websites/" + NO_SUCH_ID, "{\"domain\":\"x.example\"}", key), 404, "NOT_FOUND", "Website not found");
    }

    @Test
    void anotherAccountsWebsiteIsNotFoundNeverForbidden() {
        String account = createAccount("Mine").get("id").asText();
        String other = createAccount("Theirs").get("id").asText();
        String key = createUser(account, "user", "mine@example.com").get("apiKey").asText();
        String otherKey = createUser(other, "user", "theirs@example.com").get("apiKey").asText();
        String id = createWebsite(otherKey, "{\"domain\":\"theirs.example\"}").get("id").asText();

        error(call("PATCH", "/api/v1/websites/" + id, "{\"domain\":\"stolen.example\"}", key), 404, "NOT_FOUND", "Website not found");
        error(call("DELETE", "/api/v1/websites/" + id, null, key), 404, "NOT_FOUND", "Website not found");
        assertThat(success(call("GET", "/api/v1/websites", null, key), 200).toString()).doesNotContain(id);
        assertThat(success(call("GET", "/api/v1/websites", null, otherKey), 200).get(0).get("domain").asText())
                .isEqualTo("theirs.example");
    }

    @Test
    void deletingAWebsiteAnswersItAndRemovesIt() {
        String account = createAccount("Delete").get("id").asText();
        String key = createUser(account, "user", "delete@example.com").get("apiKey").asText();
        JsonNode site = createWebsite(key, "{\"domain\":\"gone.example\",\"excluded_ips\":[\"10.0.0.1\"]}");
        String id = site.get("id").asText();
        assertThat(success(call("DELETE", "/api/v1/websites/" + id, null, key), 200)).isEqualTo(site);
        error(call("DELETE", "/api/v1/websites/" + id, null, key), 404, "NOT_FOUND", "Website not found");
        error(call("DELETE", "/api/v1/websites/bad", null, key), 400, "INVALID_PAYLOAD", "'id' must be a UUID");
        assertThat(success(call("GET", "/api/v1/websites", null, key), 200).size()).isZero();
        assertThat(server.count("SELECT COUNT(*) FROM website_setting WHERE website_id = ?::UUID", id)).isZero();
        error(call("GET", "/api/v1/websites", null, null), 401, "UNAUTHORIZED", null);
    }
}
