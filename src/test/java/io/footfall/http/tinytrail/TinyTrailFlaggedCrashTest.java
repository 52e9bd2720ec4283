package io.footfall.http.tinytrail;

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

/**
 * The server as its own process, kill -9 while bots and excluded visitors are collected: every hit answered 204 is in
 * flagged_event after the restart (with its flag), every one answered 202 in event, as CrashDurabilityTest for /api/send.
 */
class TinyTrailFlaggedCrashTest {
    static final Map<String, String> UNLIMITED = Map.of("TINYTRAIL_COLLECT_RATE_LIMIT", "1000000");
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A TinyTrail website excluding 203.0.113.0/24, made on a server that is then stopped. */
    static String websiteIn(Path dataDir) throws IOException {
        try (TestServer setup = TestServer.start(dataDir, UNLIMITED)) {
            String key = Files.readString(dataDir.resolve("admin-api-key")).trim();
            String account = setup.http().send("POST", "/api/v1/accounts", "{\"name\":\"Crash\"}", null, Map.of("X-API-KEY", key))
                    .json().get("data").get("id").asText();
            var res = setup.http().send("POST", "/api/v1/websites", "{\"domain\":\"crash.example\",\"account_id\":\"" + account
                    + "\",\"excluded_ips\":[\"203.0.113.0/24\"]}", null, Map.of("X-API-KEY", key));
            assertThat(res.status()).as(res.body()).isEqualTo(201);
            return res.json().get("data").get("id").asText();
        }
    }

    int send(int port, String website, String path, String userAgent, String ip, Duration timeout) throws IOException, InterruptedException {
        String body = "{\"website_id\":\"" + website + "\",\"event_type\":\"page_view\",\"url\":\"https://crash.example" + path
                + "\",\"path\":\"" + path + "\"}";
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/collect"))
                .header("Content-Type", "application/json").header("User-Agent", userAgent).header("X-Forwarded-For", ip)
                .timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Worker w sends as a bot (w % 3 == 0), an excluded visitor (1) or an ordinary one (2). */
    static String userAgent(int worker) {
        return worker % 3 == 0 ? TinyTrailFlaggedTrafficTest.BOT : TinyTrailFlaggedTrafficTest.BROWSER;
    }

    static String ip(int worker, int i) {
        return worker % 3 == 1 ? "203.0.113." + (i % 250) : "8.8." + worker + "." + (i % 250);
    }

    @Test
    void everyAnsweredFlaggedHitSurvivesKillNine() throws Exception {
        Path dataDir = Files.createTempDirectory("footfall-tt-crash");
        String website = websiteIn(dataDir);
        Set<String> flagged = ConcurrentHashMap.newKeySet();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Map<String, String> env = new java.util.HashMap<>(TestServer.storeEnv(dataDir));
        env.putAll(UNLIMITED);
        ServerProcess server = ServerProcess.start(dataDir, List.of(), env);
        try {
            // the first hit waits for the User-Agent parser to be built (slow on a busy machine); start the clock after it
            assertThat(send(server.port(), website, "/warm", userAgent(0), ip(0, 0), Duration.ofSeconds(60))).isEqualTo(204);
            flagged.add("/warm");
            AtomicBoolean stop = new AtomicBoolean();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < 12; t++) {
                    int worker = t;
                    pool.submit(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            String path = "/w" + worker + "/" + i;
                            try {
                                int status = send(server.port(), website, path, userAgent(worker), ip(worker, i), Duration.ofSeconds(5));
                                if (status == 204) flagged.add(path);
                                if (status == 202) accepted.add(path);
                            } catch (IOException | InterruptedException e) {
                                return null; // the server died mid-request: not answered
                            }
                        }
                        return null;
                    });
                }
                // kill mid-stream once enough was answered, however slow the machine is
                long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos(); // a hang guard, not a timing assertion
                while ((flagged.size() < 60 || accepted.size() < 10) && System.nanoTime() < giveUp) Thread.sleep(20);
                server.kill(); // SIGKILL: no shutdown hook, no drain
                stop.set(true);
            }
        } finally {
            server.kill();
        }
        assertThat(flagged).hasSizeGreaterThan(50);
        try (TestServer restarted = TestServer.start(dataDir, UNLIMITED)) {
            Map<String, String> stored = new java.util.HashMap<>();
            restarted.query("SELECT url_path, flag FROM flagged_event WHERE website_id = ?::UUID", website)
                    .forEach(r -> stored.put((String) r.get("url_path"), (String) r.get("flag")));
            assertThat(stored.keySet()).containsAll(flagged);
            for (String path : flagged) {
                int worker = path.equals("/warm") ? 0 : Integer.parseInt(path.substring(2, path.indexOf('/', 2)));
                assertThat(stored.get(path)).as(path).isEqualTo(worker % 3 == 1 ? "excluded" : "bot");
            }
            Set<String> events = ConcurrentHashMap.newKeySet();
            restarted.query("SELECT url_path FROM event WHERE website_id = ?::UUID", website).forEach(r -> events.add((String) r.get("url_path")));
            assertThat(events).containsAll(accepted).doesNotContainAnyElementsOf(flagged);
            assertThat(restarted.count("SELECT count(*) FROM (SELECT event_id FROM flagged_event GROUP BY event_id HAVING count(*) > 1) d"))
                    .isZero();
        }
    }
}
