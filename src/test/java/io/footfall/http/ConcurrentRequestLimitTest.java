package io.footfall.http;

import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MAX_CONCURRENT_REQUESTS (sized from MEMORY_LIMIT): while that many requests are being handled, the next one is
 * answered 503 at once and nothing of it is stored; the held request still completes, and the server takes
 * requests again after. Over real HTTP on a real store.
 */
class ConcurrentRequestLimitTest {
    static final String UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    static String hit(String website, String path) {
        return "{\"type\":\"event\",\"payload\":{\"website\":\"" + website + "\",\"url\":\"" + path + "\"}}";
    }

    /** Whether the server has answered on this socket already (a quick look, nothing consumed that matters). */
    static boolean answered(Socket socket) throws java.io.IOException {
        socket.setSoTimeout(1);
        try {
            return socket.getInputStream().read() != -2;
        } catch (java.net.SocketTimeoutException nothingYet) {
            return false;
        }
    }

    @Test
    void pastTheLimitARequestIsRefusedAndNothingOfItStored() throws Exception {
        try (TestServer s = TestServer.start(Map.of("MAX_CONCURRENT_REQUESTS", "1"))) {
            String w = s.createWebsite("Limited", "limited.example");
            int port = Integer.parseInt(s.baseUrl().replaceAll(".*:(\\d+).*", "$1"));
            HttpClientForTests http = s.http();
            Map<String, String> headers = Map.of("User-Agent", UA, "X-Forwarded-For", "8.8.4.4");
            byte[] body = hit(w, "/held").getBytes(StandardCharsets.UTF_8);
            int half = body.length / 2;
            // the first hit waits for the User-Agent parser to be built (seconds); not while a request holds the place
            int first = -1;
            for (int attempt = 0; attempt < 600 && first != 200; attempt++) {
                try {
                    first = http.send("POST", "/api/send", hit(w, "/first"), null, headers).status();
                } catch (IllegalStateException timedOut) {
                    // a busy machine builds the parser slower than the test client waits; the server still holds
                    // that request (the only place), so the next tries are answered 503 until it is done
                }
                if (first != 200) Thread.sleep(200);
            }
            assertThat(first).isEqualTo(200);

            Socket held = null;
            HttpClientForTests.Response refused = null;
            // A collect request whose body has not all arrived: its handler runs (waiting for the rest) and holds the
            // only place. Probe until a probe is refused, which only the held request can cause; if a probe took the
            // place first, the held request is the one refused (its 503 arrives on its socket): start it again.
            for (int attempt = 0; attempt < 100 && refused == null; attempt++) {
                if (held != null) held.close();
                held = new Socket();
                held.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                OutputStream out = held.getOutputStream();
                out.write(("POST /api/send HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + UA + "\r\nX-Forwarded-For: 8.8.8.8\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, half);
                out.flush();
                for (int probe = 0; probe < 100 && refused == null; probe++) {
                    var r = http.send("POST", "/api/send", hit(w, "/refused"), null, headers);
                    if (r.status() == 503) refused = r;
                    else if (answered(held)) break; // the held request was refused: try again
                    else assertThat(r.status()).isEqualTo(200); // the held request was not in its handler yet
                }
            }
            assertThat(refused).as("a request past the limit").isNotNull();
            try (Socket heldOpen = held) {
                OutputStream out = heldOpen.getOutputStream();
                long probesStored = s.count("SELECT count(*) FROM event WHERE website_id = ?::UUID AND url_path = '/refused'", w);

                // A read is refused as well while the place is taken.
                assertThat(http.get("/api/heartbeat", null).status()).isEqualTo(503);

                out.write(body, half, body.length - half);
                out.flush();
                heldOpen.setSoTimeout(120_000);
                InputStream in = heldOpen.getInputStream();
                String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(answer).isEqualTo("HTTP/1.1 200");
                assertThat(s.count("SELECT count(*) FROM event WHERE website_id = ?::UUID AND url_path = '/held'", w)).isEqualTo(1);
                // Nothing of the refused one was stored: only the probes answered 200 before it are there.
                assertThat(s.count("SELECT count(*) FROM event WHERE website_id = ?::UUID AND url_path = '/refused'", w))
                        .isEqualTo(probesStored);
            }
            // The place is free again: the server answers and stores as before.
            assertThat(http.send("POST", "/api/send", hit(w, "/after"), null, headers).status()).isEqualTo(200);
            assertThat(s.count("SELECT count(*) FROM event WHERE website_id = ?::UUID AND url_path = '/after'", w)).isEqualTo(1);
        }
    }
}
