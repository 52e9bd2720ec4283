package io.footfall.http.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Http10HeadTest {
    static String rewrite(String head) {
        return new String(Http10Head.rewrite(head.getBytes(StandardCharsets.ISO_8859_1), "localhost"), StandardCharsets.ISO_8859_1);
    }

    @Test
    void versionBecomes11AndTheConnectionCloses() {
        assertThat(rewrite("GET /api/heartbeat HTTP/1.0\r\nHost: example.com\r\nAccept: */*\r\n\r\n"))
                .isEqualTo("GET /api/heartbeat HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\nConnection: close\r\n\r\n");
    }

    @Test
    void aMissingHostIsAddedAndKeepAliveIsDropped() {
        assertThat(rewrite("POST /api/send HTTP/1.0\r\nconnection: Keep-Alive\r\nContent-Length: 2\r\n\r\n"))
                .isEqualTo("POST /api/send HTTP/1.1\r\nContent-Length: 2\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(rewrite("GET / HTTP/1.0\r\n\r\n")).isEqualTo("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    @Test
    void onlyTheRequestLineDecides() {
        assertThat(Http10Head.isHttp10("GET / HTTP/1.0")).isTrue();
        assertThat(Http10Head.isHttp10("GET / HTTP/1.1")).isFalse();
        assertThat(Http10Head.isHttp10("GET /HTTP/1.0x HTTP/1.1")).isFalse();
    }
}
