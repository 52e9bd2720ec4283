package io.footfall.http;

import io.footfall.testing.RawHttp;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP/1.0 clients (uptime monitors, some proxies) are answered, and their connection closes after the answer. */
class Http10Test {
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aGetWithoutHostIsAnsweredAndTheConnectionClosed() {
        RawHttp.Answer a = RawHttp.exchange(server.server().port(), null,
                "GET /api/heartbeat HTTP/1.0\r\n\r\n".getBytes(), false, 10_000);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text()).contains("\r\nConnection: close\r\n").contains("\r\nContent-Length: 11\r\n");
        assertThat(a.body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void keepAliveAskedByA10ClientStillCloses() {
        RawHttp.Answer a = RawHttp.exchange(server.server().port(), null,
                "GET /api/heartbeat HTTP/1.0\r\nHost: example.com\r\nConnection: keep-alive\r\n\r\n".getBytes(), false, 10_000);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text()).contains("\r\nConnection: close\r\n");
    }

    @Test
    void aHitSentOver10IsStored() {
        String site = server.createWebsite("Old client", "old.example");
        String body = "{\"type\":\"event\",\"payload\":{\"website\":\"" + site + "\",\"hostname\":\"old.example\",\"url\":\"/ten\"}}";
        RawHttp.Answer a = RawHttp.exchange(server.server().port(), "POST /api/send HTTP/1.0\r\nUser-Agent: " + FIREFOX
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body, 10_000);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).contains("\"sessionId\"");
        assertThat(server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID AND url_path = '/ten'", site)).isEqualTo(1);
    }
}
