package io.footfall.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP spoken by hand over a socket, for what a well-behaved client cannot send: truncated bodies, bad chunk
 * framing, HTTP/1.0, silence, a chosen local address.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** What came back: the bytes read until the server closed (or the wait ran out), and whether it closed. */
    public record Answer(String text, boolean closedByServer, long millis) {
        /** The status code of the first response line, or -1 when there is none. */
        public int status() {
            if (!text.startsWith("HTTP/1.")) return -1;
            return Integer.parseInt(text.substring(9, 12));
        }

        public String body() {
            int i = text.indexOf("\r\n\r\n");
            return i < 0 ? "" : text.substring(i + 4);
        }
    }

    /**
     * Sends {@code request}, optionally closes the sending side, and reads until the server closes the
     * connection or {@code waitMillis} pass.
     */
    public static Answer exchange(int port, String localAddress, byte[] request, boolean closeOutput, int waitMillis) {
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            if (localAddress != null) s.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            if (closeOutput) s.shutdownOutput();
            s.setSoTimeout(waitMillis);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            boolean closed = false;
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    if (complete(out.toString(StandardCharsets.ISO_8859_1))) break;
                }
                closed = n < 0;
            } catch (SocketTimeoutException e) {
                // the server kept the connection open
            } catch (IOException e) {
                closed = true; // reset
            }
            return new Answer(out.toString(StandardCharsets.ISO_8859_1), closed, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the text holds a whole response with a Content-Length (Helidon may keep the socket open after it). */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) return false;
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                return text.length() - end - 4 >= Integer.parseInt(line.substring(15).trim());
            }
        }
        return false;
    }

    public static Answer exchange(int port, String request, int waitMillis) {
        return exchange(port, null, request.getBytes(StandardCharsets.UTF_8), true, waitMillis);
    }
}
