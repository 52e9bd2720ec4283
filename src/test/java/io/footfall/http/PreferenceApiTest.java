package io.footfall.http;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** GET/POST /api/me/preferences: per-user, partial updates, kept across logins and restarts, 400 on bad input. */
class PreferenceApiTest {
    static final String PATH = "/api/me/preferences";
    static final String NONE = "{\"language\":null,\"timezone\":null,\"theme\":null,\"dateRange\":null}";

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void nothingChosenIsAllNull() {
        server.createUser("fresh", "password1", "user");
        var res = server.http().get(PATH, server.login("fresh", "password1"));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body()).isEqualTo(NONE);
    }

    @Test
    void postChangesOnlyTheNamedFieldsAndAnotherLoginSeesThem() {
        server.createUser("mover", "password1", "view-only");
        String first = server.login("mover", "password1");
        var set = server.http().post(PATH, "{\"language\":\"en\",\"timezone\":\"Europe/Berlin\",\"theme\":\"dark\",\"dateRange\":\"7d\"}", first);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).isEqualTo("{\"language\":\"en\",\"timezone\":\"Europe/Berlin\",\"theme\":\"dark\",\"dateRange\":\"7d\"}");

        var partial = server.http().post(PATH, "{\"theme\":\"light\",\"timezone\":null}", first);
        assertThat(partial.body()).isEqualTo("{\"language\":\"en\",\"timezone\":null,\"theme\":\"light\",\"dateRange\":\"7d\"}");

        // A second login (another browser) reads the same values; another user reads only their own.
        String second = server.login("mover", "password1");
        assertThat(server.http().get(PATH, second).body()).isEqualTo("{\"language\":\"en\",\"timezone\":null,\"theme\":\"light\",\"dateRange\":\"7d\"}");
        server.createUser("neighbour", "password2", "user");
        assertThat(server.http().get(PATH, server.login("neighbour", "password2")).body()).isEqualTo(NONE);
        assertThat(server.count("SELECT count(*) FROM user_preference WHERE theme = 'light' AND date_range = '7d' AND language = 'en' AND time_zone IS NULL")).isEqualTo(1);
    }

    @Test
    void badInputIsA400AndChangesNothing() {
        server.createUser("strict", "password1", "user");
        String token = server.login("strict", "password1");
        server.http().post(PATH, "{\"dateRange\":\"30d\"}", token);
        String[][] cases = {
                {"{\"theme\":\"purple\"}", "'theme' must be one of system, light, dark"},
                {"{\"timezone\":\"Mars/Olympus\"}", "'timezone' must be an IANA time zone such as 'Europe/Berlin'"},
                {"{\"timezone\":\"+02:00\"}", "'timezone' must be an IANA time zone such as 'Europe/Berlin'"},
                {"{\"language\":\"English please\"}", "'language' must be a language tag such as 'en' or 'pt-BR'"},
                {"{\"dateRange\":\"custom\"}", "'dateRange' must be one of"},
                {"{\"dateRange\":7}", "'dateRange' must be a string or null"},
                {"{\"theme\":\"dark\",\"fontSize\":\"huge\"}", "unknown preference 'fontSize'"},
                {"[\"dark\"]", ""},
        };
        for (String[] c : cases) {
            var res = server.http().post(PATH, c[0], token);
            assertThat(res.status()).as(c[0]).isEqualTo(400);
            assertThat(res.body()).as(c[0]).contains(c[1]);
        }
        assertThat(server.http().get(PATH, token).body()).isEqualTo("{\"language\":null,\"timezone\":null,\"theme\":null,\"dateRange\":\"30d\"}");
    }

    @Test
    void withoutLoginIs401() {
        assertThat(server.http().get(PATH, null).status()).isEqualTo(401);
        assertThat(server.http().post(PATH, "{\"theme\":\"dark\"}", null).status()).isEqualTo(401);
    }
}
