package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved reports: CRUD, owner checks (401 for others, admin sees all), paged listing by website and type. */
class SavedReportsApiTest {
    static TestServer server;
    static String admin;
    static String alice;
    static String bob;
    static String aliceId;
    static String aliceSite;
    static String adminSite;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.adminToken();
        aliceId = server.createUser("alice", "alice-pass", "user");
        server.createUser("bob", "bob-pass-1", "user");
        alice = server.login("alice", "alice-pass");
        bob = server.login("bob", "bob-pass-1");
        aliceSite = server.createWebsite(alice, "Alice", "alice.example");
        adminSite = server.createWebsite("Admin", "admin.example");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode create(String token, String site, String type, String name) {
        var res = server.http().post("/api/reports", "{\"websiteId\":\"" + site + "\",\"type\":\"" + type + "\",\"name\":\"" + name
                + "\",\"parameters\":{\"type\":\"path\",\"value\":\"/pricing\"}}", token);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json();
    }

    @Test
    void createReadUpdateDelete() {
        JsonNode made = create(alice, aliceSite, "goal", "Visited /pricing");
        String id = made.get("id").asText();
        assertThat(made.get("userId").asText()).isEqualTo(aliceId);
        assertThat(made.get("websiteId").asText()).isEqualTo(aliceSite);
        assertThat(made.get("type").asText() + "|" + made.get("name").asText() + "|" + made.get("description").asText() + "|"
                + made.get("parameters")).isEqualTo("goal|Visited /pricing||{\"type\":\"path\",\"value\":\"/pricing\"}");
        assertThat(made.get("createdAt").asText()).isEqualTo(made.get("updatedAt").asText()).endsWith("Z");
        assertThat(made.properties().stream().map(java.util.Map.Entry::getKey).toList())
                .containsExactly("id", "userId", "websiteId", "type", "name", "description", "parameters", "createdAt", "updatedAt");

        assertThat(server.http().get("/api/reports/" + id, alice).json()).isEqualTo(made);

        var updated = server.http().post("/api/reports/" + id, "{\"name\":\"Pricing visits\",\"description\":\"Test\","
                + "\"parameters\":{\"type\":\"event\",\"value\":\"signup\"}}", alice).json();
        assertThat(updated.get("name").asText() + "|" + updated.get("description").asText() + "|" + updated.get("parameters"))
                .isEqualTo("Pricing visits|Test|{\"type\":\"event\",\"value\":\"signup\"}");
        assertThat(updated.get("createdAt")).isEqualTo(made.get("createdAt"));
        assertThat(server.http().get("/api/reports/" + id, alice).json()).isEqualTo(updated);

        assertThat(server.http().delete("/api/reports/" + id, alice).body()).isEqualTo("{\"ok\":true}");
        assertThat(server.http().get("/api/reports/" + id, alice).status()).isEqualTo(404);
    }

    @Test
    void othersGet401AndAnAdminSeesAll() {
        String id = create(alice, aliceSite, "funnel", "Signup funnel").get("id").asText();
        assertThat(server.http().get("/api/reports/" + id, bob).status()).isEqualTo(401);
        assertThat(server.http().post("/api/reports/" + id, "{\"name\":\"mine\"}", bob).status()).isEqualTo(401);
        assertThat(server.http().delete("/api/reports/" + id, bob).status()).isEqualTo(401);
        assertThat(server.http().get("/api/reports/" + id, null).status()).isEqualTo(401);
        assertThat(server.http().get("/api/reports/" + id, admin).status()).isEqualTo(200);
        assertThat(server.http().get("/api/reports?websiteId=" + aliceSite, bob).json().get("count").asLong()).isZero();
        // bob cannot save a report on alice's website
        var res = server.http().post("/api/reports", "{\"websiteId\":\"" + aliceSite + "\",\"type\":\"goal\",\"name\":\"x\",\"parameters\":{}}", bob);
        assertThat(res.status()).isEqualTo(401);
    }

    @Test
    void listingIsPagedAndFilteredByWebsiteAndType() {
        String site = server.createWebsite(alice, "Listed", "listed.example");
        for (int i = 1; i <= 3; i++) create(alice, site, "utm", "utm " + i);
        create(alice, site, "journey", "journey");
        create(admin, adminSite, "utm", "admin's");
        JsonNode page = server.http().get("/api/reports?websiteId=" + site + "&pageSize=2", alice).json();
        assertThat(page.get("count").asLong() + " " + page.get("page").asInt() + " " + page.get("pageSize").asInt() + " "
                + page.get("data").size()).isEqualTo("4 1 2 2");
        JsonNode second = server.http().get("/api/reports?websiteId=" + site + "&pageSize=2&page=2", alice).json();
        assertThat(second.get("data").size()).isEqualTo(2);
        assertThat(server.http().get("/api/reports?websiteId=" + site + "&type=utm", alice).json().get("count").asLong()).isEqualTo(3);
        // alice sees only hers; the admin sees everyone's
        assertThat(server.http().get("/api/reports?websiteId=" + adminSite, alice).json().get("count").asLong()).isZero();
        assertThat(server.http().get("/api/reports?websiteId=" + site, admin).json().get("count").asLong()).isEqualTo(4);
    }

    @Test
    void badInputIs400() {
        String base = "{\"websiteId\":\"" + aliceSite + "\",\"name\":\"x\",\"parameters\":{}";
        assertThat(server.http().post("/api/reports", base + ",\"type\":\"pivot\"}", alice).status()).isEqualTo(400);
        assertThat(server.http().post("/api/reports", base + "}", alice).status()).isEqualTo(400);
        assertThat(server.http().post("/api/reports", "{\"websiteId\":\"" + aliceSite + "\",\"type\":\"goal\",\"parameters\":{}}", alice).status()).isEqualTo(400);
        assertThat(server.http().post("/api/reports", "{\"websiteId\":\"" + aliceSite + "\",\"type\":\"goal\",\"name\":\"x\",\"parameters\":3}", alice).status()).isEqualTo(400);
        assertThat(server.http().get("/api/reports/not-a-uuid", alice).status()).isEqualTo(400);
        assertThat(server.http().get("/api/reports?type=pivot", alice).status()).isEqualTo(400);
        assertThat(server.http().get("/api/reports/" + java.util.UUID.randomUUID(), alice).status()).isEqualTo(404);
    }
}
