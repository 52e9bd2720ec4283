package io.footfall.http;

import io.footfall.config.Settings;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.footfall.http.ConcurrentRequestLimitTest.UA;
import static io.footfall.http.ConcurrentRequestLimitTest.hit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MAX_CONCURRENT_READS: while slow reads hold every read place, a further read is answered 503 with Retry-After
 * after a short wait, while collect (and the heartbeat) keep answering 200 and every acknowledged
 * hit is stored. Over real HTTP on a real store; the slow reads are report POSTs whose bodies arrive late, so their
 * handlers hold their places for as long as the test wants.
 */
class ReadLimitTest {
    static final int READS = 2;

    @Test
    void readPlacesAreAQuarterOfTheRequestPlacesUnlessSet() {
        assertThat(Settings.from(Map.of("MEMORY_LIMIT", "350m")).maxConcurrentReads()).isEqualTo(181 / 4);
        assertThat(Settings.from(Map.of("MEMORY_LIMIT", "512m")).maxConcurrentReads()).isEqualTo(341 / 4);
        assertThat(Settings.from(Map.of("MAX_CONCURRENT_REQUESTS", "3")).maxConcurrentReads()).isEqualTo(1);
        assertThat(Settings.from(Map.of("MEMORY_LIMIT", "350m", "MAX_CONCURRENT_READS", "7")).maxConcurrentReads()).isEqualTo(7);
    }

    @Test
    void slowReadsHoldOnlyTheirOwnPlacesAndCollectKeepsAnswering() throws Exception {
        try (TestServer s = TestServer.start(Map.of("MAX_CONCURRENT_READS", Integer.toString(READS),
                "MAX_CONCURRENT_REQUESTS", "16"))) {
            String w = s.createWebsite("Read limit", "reads.example");
            int port = Integer.parseInt(s.baseUrl().replaceAll(".*:(\\d+).*", "$1"));
            HttpClientForTests http = s.http();
            String token = s.adminToken();
            Map<String, String> headers = Map.of("User-Agent", UA, "X-Forwarded-For", "8.8.4.4");
            int acknowledged = 0;
            // the first hit waits for the User-Agent parser to be built (seconds)
            for (int attempt = 0; attempt < 600 && acknowledged == 0; attempt++) {
                try {
                    if (http.send("POST", "/api/send", hit(w, "/first"), null, headers).status() == 200) acknowledged++;
                } catch (IllegalStateException timedOut) {
                    // a busy machine builds the parser slower than the client waits
                }
                if (acknowledged == 0) Thread.sleep(200);
            }
            assertThat(acknowledged).isEqualTo(1);
            String stats = "/api/websites/" + w + "/stats?startAt=0&endAt=" + (System.currentTimeMillis() + 86_400_000L);
            assertThat(http.get(stats, token).status()).isEqualTo(200);

            String report = "{\"websiteId\":\"" + w + "\",\"type\":\"utm\",\"parameters\":{\"startDate\":0,\"endDate\":"
                    + (System.currentTimeMillis() + 86_400_000L) + "}}";
            byte[] body = report.getBytes(StandardCharsets.UTF_8);
            int half = body.length / 2;
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < READS; i++) {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /api/reports/utm HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body, 0, half);
                    out.flush();
                    held.add(socket);
                }
                // Once both handlers wait for their bodies, a further read finds no place: probe until one is refused
                // (a probe that came first took a place for a moment and answered 200).
                HttpClientForTests.Response refused = null;
                for (int probe = 0; probe < 200 && refused == null; probe++) {
                    var r = http.get(stats, token);
                    if (r.status() == 503) refused = r;
                    else assertThat(r.status()).as(r.body()).isEqualTo(200);
                }
                assertThat(refused).as("a read past MAX_CONCURRENT_READS").isNotNull();
                assertThat(refused.header("Retry-After")).isEqualTo("1");
                assertThat(refused.json().get("error").get("code").asText()).isEqualTo("too-many-reads");
                // A report POST is a read as well.
                var refusedReport = http.post("/api/reports/utm", report, token);
                assertThat(refusedReport.status()).as(refusedReport.body()).isEqualTo(503);

                // Collect keeps its places: hits from several clients at once are all acknowledged.
                int sent = 40;
                try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
                    List<Future<Integer>> answers = new ArrayList<>();
                    for (int i = 0; i < sent; i++) {
                        answers.add(clients.submit(() -> http.send("POST", "/api/send", hit(w, "/during"), null, headers).status()));
                    }
                    for (Future<Integer> a : answers) assertThat(a.get()).isEqualTo(200);
                }
                acknowledged += sent;
                assertThat(http.get("/api/heartbeat", null).status()).isEqualTo(200);
                assertThat(s.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", w)).isEqualTo(acknowledged);

                // The held reads finish once their bodies arrive, and reads are served again.
                for (Socket socket : held) {
                    socket.getOutputStream().write(body, half, body.length - half);
                    socket.getOutputStream().flush();
                }
                for (Socket socket : held) {
                    socket.setSoTimeout(120_000);
                    InputStream in = socket.getInputStream();
                    assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
                }
            } finally {
                for (Socket socket : held) socket.close();
            }
            var after = http.get(stats, token);
            assertThat(after.status()).as(after.body()).isEqualTo(200);
            assertThat(after.json().get("pageviews").asLong()).isEqualTo(acknowledged);
        }
    }
}
