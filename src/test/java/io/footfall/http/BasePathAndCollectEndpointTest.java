package io.footfall.http;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BasePathAndCollectEndpointTest {
    static final String UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Test
    void everythingIsServedUnderBasePathAndExtraCollectEndpointWorks() {
        try (TestServer s = TestServer.start(Map.of("BASE_PATH", "/stats", "COLLECT_API_ENDPOINT", "/api/collect"))) {
            assertThat(s.baseUrl()).endsWith("/stats");
            assertThat(s.http().get("/api/heartbeat", null).status()).isEqualTo(200);
            String w = s.createWebsite("Base", "base.example");
            var res = s.http().send("POST", "/api/collect", "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"url\":\"/x\"}}",
                    null, Map.of("User-Agent", UA));
            assertThat(res.status()).isEqualTo(200);
            assertThat(s.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", w)).isEqualTo(1);
            var outside = new io.footfall.testing.HttpClientForTests("http://127.0.0.1:" + s.server().port());
            assertThat(outside.get("/api/heartbeat", null).status()).isEqualTo(404);
        }
    }

    @Test
    void badIgnoreIpStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> TestServer.start(Map.of("IGNORE_IP", "10.0.0.0/99"))).rootCause().hasMessageContaining("IGNORE_IP");
    }
}
