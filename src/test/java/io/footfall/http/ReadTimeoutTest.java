package io.footfall.http;

import io.footfall.testing.RawHttp;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** READ_TIMEOUT: a client that stops sending is disconnected instead of holding a connection forever. */
class ReadTimeoutTest {
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";
    static TestServer server;
    static String site;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("READ_TIMEOUT", "2"));
        site = server.createWebsite("Slow", "slow.example");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    String body() {
        return "{\"type\":\"event\",\"payload\":{\"website\":\"" + site + "\",\"hostname\":\"slow.example\",\"url\":\"/\"}}";
    }

    String head(int contentLength) {
        return "POST /api/send HTTP/1.1\r\nHost: x\r\nUser-Agent: " + FIREFOX + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    long stored() {
        return server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", site);
    }

    /** Sends the text and keeps the connection open without sending more; returns what happened within 15 s. */
    RawHttp.Answer sendAndFallSilent(String text) {
        return RawHttp.exchange(server.server().port(), null, text.getBytes(StandardCharsets.UTF_8), false, 15_000);
    }

    @Test
    void aBodyThatNeverArrivesIsCutOff() {
        long before = stored();
        String b = body();
        RawHttp.Answer a = sendAndFallSilent(head(b.length()) + b.substring(0, 20));
        assertThat(a.closedByServer()).isTrue();
        assertThat(a.millis()).isBetween(1_900L, 8_000L);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aHeadThatNeverEndsIsCutOff() {
        RawHttp.Answer a = sendAndFallSilent("POST /api/send HTTP/1.1\r\nHost: x\r\n");
        assertThat(a.closedByServer()).isTrue();
        assertThat(a.millis()).isBetween(1_900L, 8_000L);
        RawHttp.Answer prologue = sendAndFallSilent("GET /api/heart");
        assertThat(prologue.closedByServer()).isTrue();
        assertThat(prologue.millis()).isBetween(1_900L, 8_000L);
    }

    @Test
    void aConnectionThatNeverSendsItsFirstByteIsCutOff() {
        RawHttp.Answer a = sendAndFallSilent("");
        assertThat(a.closedByServer()).isTrue();
        assertThat(a.text()).isEmpty();
        assertThat(a.millis()).isBetween(1_900L, 8_000L);
    }

    @Test
    void anotherClientIsServedWhileSilentConnectionsWait() throws Exception {
        try (Socket silent1 = new Socket("127.0.0.1", server.server().port());
             Socket silent2 = new Socket("127.0.0.1", server.server().port())) {
            RawHttp.Answer a = RawHttp.exchange(server.server().port(), null,
                    "GET /api/heartbeat HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                    false, 15_000);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).isEqualTo("{\"ok\":true}");
            assertThat(a.millis()).isLessThan(1_900L);
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterItsAnswer() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.server().port())) {
            s.getOutputStream().write("GET /api/heartbeat HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            s.setSoTimeout(15_000);
            long start = System.nanoTime();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 200 OK").endsWith("{\"ok\":true}");
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_900L, 8_000L);
        }
    }

    @Test
    void aSlowButSteadyBodyIsNotCutOff() throws Exception {
        long before = stored();
        String b = body();
        try (Socket s = new Socket("127.0.0.1", server.server().port())) {
            OutputStream out = s.getOutputStream();
            out.write((head(b.length()) + b.substring(0, 10)).getBytes(StandardCharsets.UTF_8));
            out.flush();
            // 3 s in all, longer than the timeout, but never 2 s without a byte.
            for (int i = 0; i < 3; i++) {
                Thread.sleep(1000);
                out.write(b.substring(10 + i, 11 + i).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write(b.substring(13).getBytes(StandardCharsets.UTF_8));
            out.flush();
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[12];
            int n = in.readNBytes(buf, 0, 12);
            assertThat(new String(buf, 0, n, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200");
        }
        assertThat(stored()).isEqualTo(before + 1);
    }
}
