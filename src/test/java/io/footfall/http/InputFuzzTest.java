package io.footfall.http;

import io.footfall.testing.RandomInputs;
import io.footfall.testing.ReadRoutes;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded fuzzing with a seeded generator ({@link RandomInputs}): no input gives a 5xx, and a rejected
 * {@code /api/send} stores nothing. Each part runs for a fixed number of cases or a time budget, whichever
 * ends first; {@code -Dfuzz.seed=N} replays or varies the sequence (the seed is in every failure message).
 */
class InputFuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    static final long BUDGET_NANOS = 9_000_000_000L;
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";
    static TestServer server;
    static String site;
    static String session;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        site = server.createWebsite("Fuzz", "fuzz.example");
        var hit = server.http().send("POST", "/api/send", "{\"type\":\"event\",\"payload\":{\"website\":\"" + site
                + "\",\"hostname\":\"fuzz.example\",\"url\":\"/\",\"name\":\"signup\",\"data\":{\"plan\":\"pro\"}}}", null,
                Map.of("User-Agent", FIREFOX));
        assertThat(hit.status()).isEqualTo(200);
        session = hit.json().get("sessionId").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Rows a hit can write: the event, its event data, an identify call's session data. */
    static long stored() {
        return server.count("SELECT (SELECT count(*) FROM event) + (SELECT count(*) FROM event_data)"
                + " + (SELECT count(*) FROM session_data)");
    }

    @Test
    void sendBodiesNeverGive5xxAndRejectedOnesStoreNothing() {
        RandomInputs inputs = new RandomInputs(SEED);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int cases = 0;
        int accepted = 0;
        long before = stored();
        while (cases < 2000 && System.nanoTime() < deadline) {
            String body = inputs.sendBody(site);
            var res = server.http().send("POST", "/api/send", body, null, Map.of("User-Agent", FIREFOX));
            String what = "seed " + SEED + " case " + cases + ": " + abbreviate(body) + " -> " + res.status() + " " + abbreviate(res.body());
            assertThat(res.status()).as(what).isLessThan(500);
            long after = stored();
            if (res.status() == 200 && res.body().contains("\"sessionId\"")) {
                accepted++;
            } else {
                assertThat(after - before).as("rejected, yet stored: " + what).isZero();
            }
            before = after;
            cases++;
        }
        assertThat(cases).isGreaterThan(50);
        assertThat(accepted).as("the generator also makes valid hits").isGreaterThan(0);
    }

    @Test
    void readQueryStringsNeverGive5xx() {
        RandomInputs inputs = new RandomInputs(SEED + 1);
        List<String> routes = ReadRoutes.all(site, session);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int cases = 0;
        int answered = 0;
        while (cases < 2000 && System.nanoTime() < deadline) {
            String path = routes.get(cases % routes.size()) + inputs.queryString();
            var res = server.http().get(path, server.adminToken());
            assertThat(res.status()).as("seed " + (SEED + 1) + " case " + cases + ": " + path + " -> " + res.status() + " "
                    + abbreviate(res.body())).isLessThan(500);
            if (res.status() == 200) answered++;
            cases++;
        }
        assertThat(cases).isGreaterThan(50);
        assertThat(answered).as("the generator also makes valid queries").isGreaterThan(0);
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
