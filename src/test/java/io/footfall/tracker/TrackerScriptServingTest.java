package io.footfall.tracker;

import io.footfall.testing.HttpClientForTests.Response;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /script.js: the built tracker (classpath static/script.js) with caching and compression. */
class TrackerScriptServingTest {
    static TestServer server;
    static String built;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        try (InputStream in = TrackerScriptServingTest.class.getResourceAsStream("/static/script.js")) {
            assertThat(in).as("static/script.js on the classpath (built by tracker/build.mjs from Maven)").isNotNull();
            built = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Response get(String path, Map<String, String> headers) {
        return server.http().send("GET", path, null, null, headers);
    }

    @Test
    void servesTheBuiltTrackerAsJavaScript() {
        Response res = get("/script.js", Map.of());
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("Content-Type")).startsWith("application/javascript");
        assertThat(res.header("Content-Encoding")).isNull();
        assertThat(res.body()).isEqualTo(built);
        assertThat(res.body()).contains("\"/api/send\"");
    }

    @Test
    void hasAnETagAndCacheHeaders() {
        Response res = get("/script.js", Map.of());
        assertThat(res.header("ETag")).matches("(W/)?\"[^\"]+\"");
        assertThat(res.header("Cache-Control")).contains("max-age=");
    }

    @Test
    void answers304WhenTheETagMatches() {
        String etag = get("/script.js", Map.of()).header("ETag");
        Response res = get("/script.js", Map.of("If-None-Match", etag));
        assertThat(res.status()).isEqualTo(304);
        assertThat(res.bytes()).isEmpty();
        assertThat(res.header("ETag")).isEqualTo(etag);
    }

    @Test
    void answers200WhenTheETagDiffers() {
        Response res = get("/script.js", Map.of("If-None-Match", "\"something-else\""));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body()).isEqualTo(built);
    }

    @Test
    void gzipsWhenTheClientAcceptsIt() {
        Response res = get("/script.js", Map.of("Accept-Encoding", "gzip, deflate"));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(res.header("Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(gunzip(res.bytes())).isEqualTo(built);
        assertThat(res.bytes().length).as("gzipped size within the 2000-byte budget").isLessThanOrEqualTo(2000);
    }

    @Test
    void trackerScriptNameAndCollectEndpointAreHonoured() {
        try (TestServer custom = TestServer.start(Map.of(
                "TRACKER_SCRIPT_NAME", "custom-script-name.js",
                "COLLECT_API_ENDPOINT", "/my-custom-route"))) {
            Response res = custom.http().get("/custom-script-name.js", null);
            assertThat(res.status()).isEqualTo(200);
            assertThat(res.header("Content-Type")).startsWith("application/javascript");
            assertThat(res.body()).contains("\"/my-custom-route\"").doesNotContain("/api/send");
        }
    }

    private static String gunzip(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
