package io.footfall.http;

import io.footfall.testing.ReadRoutes;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Permission is checked before anything else, so a user without access learns nothing about a website
 * from how a request fails: someone else's website answers exactly as an id that does not exist.
 */
class PermissionFirstTest {
    static TestServer server;
    static String adminSite;
    static String stranger;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        adminSite = server.createWebsite("Admin's", "admin.example");
        server.createUser("stranger", "stranger-password", "user");
        stranger = server.login("stranger", "stranger-password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String withoutTimezone(String route) {
        return route.replace("&timezone=UTC", "");
    }

    @Test
    void requiredTimezoneIsCheckedAfterPermission() {
        for (String route : new String[]{"events/series", "sessions/weekly"}) {
            String path = "/api/websites/" + adminSite + "/" + route + "?startAt=0&endAt=1";
            assertThat(server.http().get(path, stranger).status()).as(route).isEqualTo(401);
            assertThat(server.http().get(path, server.adminToken()).status()).as(route).isEqualTo(400);
        }
    }

    @Test
    void badParametersOnSomeoneElsesWebsiteAnswerAsAnUnknownOne() {
        String unknown = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        String[] spoilers = {"&unit=fortnight", "&timezone=Mars/Olympus", "&path=re.(%3F%3Da)", "&compare=never",
                "&limit=-1", "&segment=nope", "&event=" + "e".repeat(1001)};
        for (String spoiler : spoilers) {
            var theirs = ReadRoutes.all(adminSite, session);
            var none = ReadRoutes.all(unknown, session);
            for (int i = 0; i < theirs.size(); i++) {
                var a = server.http().get(withoutTimezone(theirs.get(i)) + spoiler, stranger);
                var b = server.http().get(withoutTimezone(none.get(i)) + spoiler, stranger);
                assertThat(a.status()).as(theirs.get(i) + spoiler).isEqualTo(401);
                assertThat(a.body()).isEqualTo(b.body());
            }
        }
    }

    @Test
    void creatingAWebsiteWithSomeoneElsesIdIsUnauthorizedNotAlreadyExists() {
        String body = "{\"name\":\"Mine\",\"domain\":\"mine.example\",\"id\":\"" + adminSite + "\"}";
        var res = server.http().post("/api/websites", body, stranger);
        assertThat(res.status()).isEqualTo(401);
        assertThat(res.body()).doesNotContain("exists");
        // The owner (here the admin) and admins are told.
        var own = server.http().post("/api/websites", body, server.adminToken());
        assertThat(own.status()).isEqualTo(400);
        assertThat(own.json().get("error").get("message").asText()).isEqualTo("A website with id " + adminSite + " already exists");
        String strangersSite = server.createWebsite(stranger, "Stranger's", "stranger.example");
        var again = server.http().post("/api/websites", "{\"name\":\"x\",\"domain\":\"x.example\",\"id\":\"" + strangersSite + "\"}", stranger);
        assertThat(again.status()).isEqualTo(400);
        // A free id is still the caller's to choose.
        String free = UUID.randomUUID().toString();
        var created = server.http().post("/api/websites", "{\"name\":\"y\",\"domain\":\"y.example\",\"id\":\"" + free + "\"}", stranger);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("id").asText()).isEqualTo(free);
    }
}
