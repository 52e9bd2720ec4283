package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** CRUD of segments and cohorts under {@code /api/websites/:id/segments}: Umami's shapes, permissions and 400s. */
class SegmentApiTest {
    static final String FILTERS = "{\"filters\":[{\"name\":\"country\",\"operator\":\"eq\",\"value\":\"DE\"}],\"match\":\"all\"}";
    static final String COHORT = "{\"action\":{\"type\":\"path\",\"value\":\"/signup\"},\"dateRange\":\"30day\",\"filters\":[]}";

    static TestServer server;
    static String owner;
    static String stranger;
    static String site;
    static String otherSite;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.createUser("owner", "password1", "user");
        server.createUser("stranger", "password2", "user");
        owner = server.login("owner", "password1");
        stranger = server.login("stranger", "password2");
        site = server.createWebsite(owner, "Owned", "owned.example");
        otherSite = server.createWebsite(stranger, "Theirs", "theirs.example");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String base(String website) {
        return "/api/websites/" + website + "/segments";
    }

    static JsonNode create(String website, String token, String type, String name, String parameters) {
        var res = server.http().post(base(website), body(type, name, parameters), token);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json();
    }

    static String body(String type, String name, String parameters) {
        return "{\"type\":" + TestServer.quote(type) + ",\"name\":" + TestServer.quote(name) + ",\"parameters\":" + parameters + "}";
    }

    @Test
    void createReturnsUmamisSegmentRow() {
        Instant before = Instant.now().minusMillis(1);
        JsonNode s = create(site, owner, "segment", "Germany", FILTERS);
        List<String> keys = new ArrayList<>();
        s.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "websiteId", "type", "name", "parameters", "createdAt", "updatedAt");
        assertThat(UUID.fromString(s.get("id").asText())).isNotNull();
        assertThat(s.get("websiteId").asText()).isEqualTo(site);
        assertThat(s.get("type").asText()).isEqualTo("segment");
        assertThat(s.get("name").asText()).isEqualTo("Germany");
        assertThat(s.get("parameters").toString()).isEqualTo(FILTERS);
        assertThat(Instant.parse(s.get("createdAt").asText())).isAfter(before);
        assertThat(s.get("updatedAt").asText()).isEqualTo(s.get("createdAt").asText());
        var again = server.http().get(base(site) + "/" + s.get("id").asText(), owner);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(s.toString());
    }

    @Test
    void listIsPagedPerTypeAndSearchable() {
        String website = server.createWebsite(owner, "Lists", "lists.example");
        create(website, owner, "segment", "Mobile visitors", FILTERS);
        create(website, owner, "segment", "Desktop 100%", FILTERS);
        create(website, owner, "segment", "Germany", FILTERS);
        create(website, owner, "cohort", "Signed up", COHORT);
        JsonNode segments = server.http().get(base(website) + "?type=segment", owner).json();
        assertThat(segments.get("count").asLong()).isEqualTo(3);
        assertThat(segments.get("page").asInt()).isEqualTo(1);
        assertThat(segments.get("pageSize").asInt()).isEqualTo(20);
        assertThat(names(segments)).containsExactly("Mobile visitors", "Desktop 100%", "Germany");
        assertThat(names(server.http().get(base(website) + "?type=cohort", owner).json())).containsExactly("Signed up");
        assertThat(names(server.http().get(base(website) + "?type=segment&search=VISIT", owner).json())).containsExactly("Mobile visitors");
        // literal text: % is no wildcard
        assertThat(names(server.http().get(base(website) + "?type=segment&search=0%25", owner).json())).containsExactly("Desktop 100%");
        JsonNode second = server.http().get(base(website) + "?type=segment&page=2&pageSize=2", owner).json();
        assertThat(names(second)).containsExactly("Germany");
        assertThat(second.get("count").asLong()).isEqualTo(3);
    }

    static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("data").forEach(s -> out.add(s.get("name").asText()));
        return out;
    }

    @Test
    void updateChangesTypeNameAndParameters() {
        JsonNode s = create(site, owner, "segment", "Before", FILTERS);
        String id = s.get("id").asText();
        var res = server.http().post(base(site) + "/" + id, body("cohort", "After", COHORT), owner);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        JsonNode u = res.json();
        assertThat(u.get("id").asText()).isEqualTo(id);
        assertThat(u.get("type").asText()).isEqualTo("cohort");
        assertThat(u.get("name").asText()).isEqualTo("After");
        assertThat(u.get("parameters").toString()).isEqualTo(COHORT);
        assertThat(u.get("createdAt").asText()).isEqualTo(s.get("createdAt").asText());
        assertThat(Instant.parse(u.get("updatedAt").asText())).isAfterOrEqualTo(Instant.parse(s.get("updatedAt").asText()));
        assertThat(server.http().get(base(site) + "/" + id, owner).body()).isEqualTo(u.toString());
    }

    @Test
    void deleteAnswersOkAndForgetsTheSegment() {
        String id = create(site, owner, "segment", "Gone", FILTERS).get("id").asText();
        var res = server.http().delete(base(site) + "/" + id, owner);
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("{\"ok\":true}");
        assertThat(server.http().get(base(site) + "/" + id, owner).status()).isEqualTo(404);
        assertThat(server.http().delete(base(site) + "/" + id, owner).status()).isEqualTo(404);
    }

    @Test
    void unknownOrAnotherWebsitesSegmentIsNotFound() {
        String theirs = create(otherSite, stranger, "segment", "Theirs", FILTERS).get("id").asText();
        assertThat(server.http().get(base(site) + "/" + UUID.randomUUID(), owner).status()).isEqualTo(404);
        assertThat(server.http().get(base(site) + "/" + theirs, owner).status()).isEqualTo(404);
        assertThat(server.http().post(base(site) + "/" + theirs, body("segment", "x", FILTERS), owner).status()).isEqualTo(404);
        assertThat(server.http().delete(base(site) + "/" + theirs, owner).status()).isEqualTo(404);
        assertThat(server.http().get(base(otherSite) + "/" + theirs, stranger).status()).isEqualTo(200);
    }

    @Test
    void whoCannotSeeTheWebsiteGets401OnEveryOperation() {
        String id = create(site, owner, "segment", "Private", FILTERS).get("id").asText();
        for (String token : new String[]{stranger, null, "not-a-token"}) {
            assertThat(server.http().get(base(site) + "?type=segment", token).status()).isEqualTo(401);
            assertThat(server.http().post(base(site), body("segment", "x", FILTERS), token).status()).isEqualTo(401);
            assertThat(server.http().get(base(site) + "/" + id, token).status()).isEqualTo(401);
            assertThat(server.http().post(base(site) + "/" + id, body("segment", "x", FILTERS), token).status()).isEqualTo(401);
            assertThat(server.http().delete(base(site) + "/" + id, token).status()).isEqualTo(401);
        }
        // the same answer for a website that does not exist
        String unknown = UUID.randomUUID().toString();
        assertThat(server.http().get(base(unknown) + "?type=segment", stranger).status()).isEqualTo(401);
        assertThat(server.http().post(base(unknown), body("segment", "x", FILTERS), stranger).status()).isEqualTo(401);
        assertThat(server.http().get(base(site) + "/" + id, owner).status()).isEqualTo(200);
    }

    @Test
    void adminManagesAnyWebsitesSegments() {
        String id = create(site, server.adminToken(), "segment", "By admin", FILTERS).get("id").asText();
        assertThat(server.http().get(base(site) + "/" + id, owner).status()).isEqualTo(200);
        assertThat(server.http().delete(base(site) + "/" + id, server.adminToken()).status()).isEqualTo(200);
        // an unknown website: an empty list, and nothing to change
        String unknown = UUID.randomUUID().toString();
        assertThat(server.http().get(base(unknown) + "?type=segment", server.adminToken()).json().get("count").asLong()).isZero();
        assertThat(server.http().post(base(unknown), body("segment", "x", FILTERS), server.adminToken()).status()).isEqualTo(404);
    }

    @Test
    void badInputIs400AndNothingIsStored() {
        String[] bodies = {
                "{\"name\":\"x\",\"parameters\":{}}",
                body("report", "x", "{}"),
                body("segment", "", "{}"),
                body("segment", "x".repeat(201), "{}"),
                "{\"type\":\"segment\",\"name\":\"x\"}",
                body("segment", "x", "[]"),
                body("segment", "x", "{\"filters\":{}}"),
                body("segment", "x", "{\"filters\":[{\"name\":\"shoeSize\",\"operator\":\"eq\",\"value\":\"9\"}]}"),
                body("segment", "x", "{\"filters\":[{\"name\":\"path\",\"operator\":\"like\",\"value\":\"/a\"}]}"),
                body("segment", "x", "{\"filters\":[{\"name\":\"path\",\"operator\":\"gt\",\"value\":\"/a\"}]}"),
                body("segment", "x", "{\"filters\":[{\"name\":\"path\",\"operator\":\"re\",\"value\":\"(\"}]}"),
                // valid in Java, rejected by the store's RE2
                body("segment", "x", "{\"filters\":[{\"name\":\"path\",\"operator\":\"re\",\"value\":\"a(?=b)\"}]}"),
                body("segment", "x", "{\"filters\":[{\"name\":\"path\",\"operator\":\"eq\"}]}"),
                body("segment", "x", "{\"match\":\"some\"}"),
                body("cohort", "x", "{\"dateRange\":\"30day\"}"),
                body("cohort", "x", "{\"dateRange\":\"30day\",\"action\":{\"type\":\"path\",\"value\":\"\"}}"),
                body("cohort", "x", "{\"dateRange\":\"30day\",\"action\":{\"type\":\"shoe\",\"value\":\"/a\"}}"),
                body("cohort", "x", "{\"action\":{\"type\":\"path\",\"value\":\"/a\"}}"),
                body("cohort", "x", "{\"dateRange\":\"lastweek\",\"action\":{\"type\":\"path\",\"value\":\"/a\"}}"),
                body("cohort", "x", "{\"dateRange\":\"range:20:10\",\"action\":{\"type\":\"path\",\"value\":\"/a\"}}"),
        };
        String website = server.createWebsite(owner, "Bad input", "bad.example");
        for (String b : bodies) {
            var res = server.http().post(base(website), b, owner);
            assertThat(res.status()).as(b + " -> " + res.body()).isEqualTo(400);
        }
        assertThat(server.http().get(base(website) + "?type=segment", owner).json().get("count").asLong()).isZero();
        assertThat(server.http().get(base(website) + "?type=cohort", owner).json().get("count").asLong()).isZero();
        assertThat(server.http().get(base(website), owner).status()).isEqualTo(400);
        assertThat(server.http().get(base(website) + "?type=report", owner).status()).isEqualTo(400);
        assertThat(server.http().get(base(website) + "/nope", owner).status()).isEqualTo(400);
    }

    @Test
    void readsRejectUnknownForeignOrMistypedIds() {
        String segment = create(site, owner, "segment", "Mine", FILTERS).get("id").asText();
        String cohort = create(site, owner, "cohort", "Mine", COHORT).get("id").asText();
        String theirs = create(otherSite, stranger, "segment", "Theirs", FILTERS).get("id").asText();
        String stats = "/api/websites/" + site + "/stats?startAt=0&endAt=1000&";
        assertThat(server.http().get(stats + "segment=" + segment, owner).status()).isEqualTo(200);
        assertThat(server.http().get(stats + "cohort=" + cohort, owner).status()).isEqualTo(200);
        for (String q : new String[]{"segment=" + UUID.randomUUID(), "segment=" + theirs, "segment=" + cohort,
                "cohort=" + segment, "cohort=" + theirs, "segment=nope", "cohort=nope"}) {
            var res = server.http().get(stats + q, owner);
            assertThat(res.status()).as(q + " -> " + res.body()).isEqualTo(400);
        }
        // permission first: a stranger learns nothing about the segment
        assertThat(server.http().get(stats + "segment=" + segment, stranger).status()).isEqualTo(401);
    }
}
