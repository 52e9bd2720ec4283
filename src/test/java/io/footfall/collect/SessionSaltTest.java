package io.footfall.collect;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Session ids rotate with the salt period and survive restarts; each install's salts are its own. */
class SessionSaltTest {
    static final String UA = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    static String sessionAt(TestServer s, String website, long epochSeconds) {
        var res = s.http().send("POST", "/api/send", "{\"type\":\"event\",\"payload\":{\"website\":\"" + website
                + "\",\"url\":\"/\",\"timestamp\":" + epochSeconds + "}}", null, Map.of("User-Agent", UA, "X-Forwarded-For", "203.0.113.44"));
        assertThat(res.status()).isEqualTo(200);
        return res.json().get("sessionId").asText();
    }

    @Test
    void sameVisitorSameMonthSameSessionOtherMonthOtherSessionAcrossRestarts() throws Exception {
        LocalDate firstOfThisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        long thisMonth = firstOfThisMonth.atTime(0, 30).toEpochSecond(ZoneOffset.UTC);
        long thisMonthLater = thisMonth + 3600;
        long lastMonth = firstOfThisMonth.minusMonths(1).atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
        Path dir = Files.createTempDirectory("footfall-salt");
        String website;
        String s1;
        try (TestServer s = TestServer.start(dir, Map.of())) {
            website = s.createWebsite("Salt", "salt.example");
            s1 = sessionAt(s, website, thisMonth);
            assertThat(sessionAt(s, website, thisMonthLater)).isEqualTo(s1);
            assertThat(sessionAt(s, website, lastMonth)).isNotEqualTo(s1);
        }
        try (TestServer s = TestServer.start(dir, Map.of())) {
            assertThat(sessionAt(s, website, thisMonthLater)).isEqualTo(s1);
            assertThat(s.count("SELECT count(*) FROM salt")).isEqualTo(2);
        }
    }

    @Test
    void anotherInstallWithTheSameSecretStillGetsDifferentSessionIds() {
        Map<String, String> env = Map.of("APP_SECRET", "shared-secret-for-test");
        String id = "5d5d5d5d-1111-4222-8333-444444444444";
        long now = java.time.Instant.now().getEpochSecond() - 60;
        try (TestServer a = TestServer.start(env); TestServer b = TestServer.start(env)) {
            for (TestServer s : new TestServer[]{a, b}) {
                s.http().post("/api/websites", "{\"name\":\"Same\",\"domain\":\"same.example\",\"id\":\"" + id + "\"}", s.adminToken());
            }
            assertThat(sessionAt(a, id, now)).isNotEqualTo(sessionAt(b, id, now));
        }
    }
}
