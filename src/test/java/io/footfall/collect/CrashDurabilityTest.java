package io.footfall.collect;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 during load: after a restart, every hit that got a 200 is in the store. */
class CrashDurabilityTest {
    static final String UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

    @Test
    void everyAcknowledgedHitSurvivesKillNine() throws Exception {
        Path dataDir = Files.createTempDirectory("footfall-crash");
        String website;
        try (TestServer setup = TestServer.start(dataDir, Map.of())) {
            website = setup.createWebsite("Crash", "crash.example");
        }
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "io.footfall.Footfall", "serve")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile());
        pb.environment().put("DATA_DIR", dataDir.toString());
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("HOSTNAME", "127.0.0.1");
        Process server = pb.start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            awaitUp(client, port);
            // the first hit waits for the User-Agent parser to finish building; start the clock after it
            var warm = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/send"))
                    .header("User-Agent", UA).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"type\":\"event\",\"payload\":{\"website\":\"" + website + "\",\"url\":\"/warm\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(warm.statusCode()).isEqualTo(200);
            AtomicBoolean stop = new AtomicBoolean();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < 16; t++) {
                    int worker = t;
                    pool.submit(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            String path = "/w" + worker + "/" + i;
                            String body = "{\"type\":\"event\",\"payload\":{\"website\":\"" + website + "\",\"url\":\"" + path + "\"}}";
                            try {
                                var res = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/send"))
                                        .header("User-Agent", UA).header("X-Forwarded-For", "8.8." + worker + "." + (i % 250))
                                        .timeout(Duration.ofSeconds(5))
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                                if (res.statusCode() == 200) acknowledged.add(path);
                            } catch (IOException | InterruptedException e) {
                                return null; // the server died mid-request: not acknowledged
                            }
                        }
                        return null;
                    });
                }
                Thread.sleep(2500);
                server.destroyForcibly(); // SIGKILL: no shutdown hook, no drain
                server.waitFor(10, TimeUnit.SECONDS);
                stop.set(true);
            }
        } finally {
            server.destroyForcibly();
        }
        assertThat(acknowledged).hasSizeGreaterThan(100);
        try (TestServer restarted = TestServer.start(dataDir, Map.of())) {
            Set<String> stored = ConcurrentHashMap.newKeySet();
            restarted.query("SELECT url_path FROM event WHERE website_id = ?::UUID", website)
                    .forEach(r -> stored.add((String) r.get("url_path")));
            assertThat(stored).containsAll(acknowledged);
        }
    }

    @Test
    void sigtermDrainsTheQueueAndExitsCleanly() throws Exception {
        Path dataDir = Files.createTempDirectory("footfall-term");
        String website;
        try (TestServer setup = TestServer.start(dataDir, Map.of())) {
            website = setup.createWebsite("Term", "term.example");
        }
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "io.footfall.Footfall", "serve")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile());
        pb.environment().put("DATA_DIR", dataDir.toString());
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("HOSTNAME", "127.0.0.1");
        Process server = pb.start();
        HttpClient client = HttpClient.newHttpClient();
        int sent = 0;
        try {
            awaitUp(client, port);
            for (int i = 0; i < 50; i++) {
                var res = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/send"))
                        .header("User-Agent", UA).POST(HttpRequest.BodyPublishers.ofString(
                                "{\"type\":\"event\",\"payload\":{\"website\":\"" + website + "\",\"url\":\"/t/" + i + "\"}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200) sent++;
            }
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.destroyForcibly();
        }
        assertThat(sent).isEqualTo(50);
        assertThat(Files.readString(dataDir.resolve("server.log"))).contains("Footfall stopped; ingest: 50 hits");
        try (TestServer restarted = TestServer.start(dataDir, Map.of())) {
            assertThat(restarted.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", website)).isEqualTo(50);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitUp(HttpClient client, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                var res = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/heartbeat")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200) return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("server did not start");
    }
}
