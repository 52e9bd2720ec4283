package io.footfall.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client for load generation: writes pre-built request bytes and
 * parses the status line and Content-Length straight from a reused byte buffer, so the generator
 * spends little CPU per request and does not become the bottleneck it is measuring.
 */
final class RawHttpConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int start;
    private int end;

    RawHttpConnection(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends one request and returns the status code (the body is read and dropped). */
    int exchange(byte[] request) throws IOException {
        out.write(request);
        int headerEnd;
        while ((headerEnd = indexOfHeaderEnd()) < 0) fill();
        int status = (buf[start + 9] - '0') * 100 + (buf[start + 10] - '0') * 10 + (buf[start + 11] - '0');
        int length = contentLength(start, headerEnd);
        int bodyStart = headerEnd + 4;
        while (end - bodyStart < length) fill();
        start = bodyStart + length;
        return status;
    }

    private int indexOfHeaderEnd() {
        for (int i = start; i + 3 < end; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') return i;
        }
        return -1;
    }

    private int contentLength(int from, int to) {
        String head = new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        int i = head.toLowerCase().indexOf("\ncontent-length:");
        if (i < 0) return 0;
        int j = head.indexOf('\r', i + 1);
        return Integer.parseInt(head.substring(i + 16, j < 0 ? head.length() : j).trim());
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) throw new IOException("response too large");
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) throw new IOException("connection closed");
        end += n;
    }

    static byte[] post(String path, String body, String userAgent, String forwardedFor) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + userAgent
                + "\r\nX-Forwarded-For: " + forwardedFor + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + b.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + b.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return all;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
