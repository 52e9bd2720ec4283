package io.footfall.http.server;

import java.nio.charset.StandardCharsets;

/**
 * Turns the head of an HTTP/1.0 request into an HTTP/1.1 one, which Helidon 4.5 serves (it answers 1.0
 * with 505 and has no option to accept it). Answering 1.1 to a 1.0 request is what RFC 9110 §2.5 asks
 * ("the highest version the server is conformant to"); what 1.0 needs besides is kept: the connection
 * closes after the answer ({@code Connection: close}, replacing any 1.0 keep-alive), and a request
 * without {@code Host} (optional in 1.0) gets one, since 1.1 requires it. Footfall's answers carry a
 * {@code Content-Length}, never chunked encoding a 1.0 client could not read.
 */
final class Http10Head {
    static final String VERSION_10 = " HTTP/1.0";

    private Http10Head() {
    }

    /** Whether the request line (without its line end) is an HTTP/1.0 one. */
    static boolean isHttp10(String requestLine) {
        return requestLine.endsWith(VERSION_10);
    }

    /**
     * The 1.1 head for a complete 1.0 head.
     *
     * @param head the bytes up to and including the blank line ({@code \r\n\r\n})
     * @param host the Host value to add when the request has none
     */
    static byte[] rewrite(byte[] head, String host) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String[] lines = text.substring(0, text.length() - 4).split("\r\n", -1);
        StringBuilder out = new StringBuilder(text.length() + 40);
        String requestLine = lines[0];
        out.append(requestLine, 0, requestLine.length() - VERSION_10.length()).append(" HTTP/1.1\r\n");
        boolean hasHost = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.regionMatches(true, 0, "connection:", 0, 11)) continue;
            if (line.regionMatches(true, 0, "host:", 0, 5)) hasHost = true;
            out.append(line).append("\r\n");
        }
        if (!hasHost) out.append("Host: ").append(host).append("\r\n");
        out.append("Connection: close\r\n\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
