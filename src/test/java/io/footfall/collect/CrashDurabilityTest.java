package io.footfall.collect;

import io.footfall.bench.ServerProcess;
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
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The server as its own process: kill -9 loses nothing acknowledged; SIGTERM drains and exits. */
class CrashDurabilityTest {
    static final String UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static String websiteIn(Path dataDir, String name) {
        try (TestServer setup = TestServer.start(dataDir, Map.of())) {
            return setup.createWebsite(name, "crash.example");
        }
    }

    int send(int port, String website, String path, String ip) throws IOException, InterruptedException {
        return send(port, website, path, ip, Duration.ofSeconds(5));
    }

    int send(int port, String website, String path, String ip, Duration timeout) throws IOException, InterruptedException {
        String body = "{\"type\":\"event\",\"payload\":{\"website\":\"" + website + "\",\"url\":\"" + path + "\"}}";
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/send"))
                .header("User-Agent", UA).header("X-Forwarded-For", ip).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void everyAcknowledgedHitSurvivesKillNine() throws Exception {
        Path dataDir = Files.createTempDirectory("footfall-crash");
        String website = websiteIn(dataDir, "Crash");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ServerProcess server = ServerProcess.start(dataDir, List.of(), TestServer.storeEnv(dataDir));
        try {
            // the first hit waits for the User-Agent parser to finish building (slow on a busy machine); start the clock after it
            assertThat(send(server.port(), website, "/warm", "8.8.8.8", Duration.ofSeconds(60))).isEqualTo(200);
            acknowledged.add("/warm");
            AtomicBoolean stop = new AtomicBoolean();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < 16; t++) {
                    int worker = t;
                    pool.submit(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            String path = "/w" + worker + "/" + i;
                            try {
                                if (send(server.port(), website, path, "8.8." + worker + "." + (i % 250)) == 200) acknowledged.add(path);
                            } catch (IOException | InterruptedException e) {
                                return null; // the server died mid-request: not acknowledged
                            }
                        }
                        return null;
                    });
                }
                Thread.sleep(2500);
                server.kill(); // SIGKILL: no shutdown hook, no drain
                stop.set(true);
            }
        } finally {
            server.kill();
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
        String website = websiteIn(dataDir, "Term");
        ServerProcess server = ServerProcess.start(dataDir, List.of(), TestServer.storeEnv(dataDir));
        int ok = 0;
        try {
            for (int i = 0; i < 50; i++) if (send(server.port(), website, "/t/" + i, "8.8.4.4", Duration.ofSeconds(60)) == 200) ok++;
            assertThat(server.terminate()).isTrue();
        } finally {
            server.kill();
        }
        assertThat(ok).isEqualTo(50);
        assertThat(Files.readString(dataDir.resolve("server.log"))).contains("Footfall stopped; ingest: 50 hits");
        try (TestServer restarted = TestServer.start(dataDir, Map.of())) {
            assertThat(restarted.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", website)).isEqualTo(50);
        }
    }
}
