package io.footfall.http.server;

import io.helidon.common.buffers.DataReader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A connection's bytes as its HTTP/1 handler reads them: every blocking read from the socket is bounded
 * by {@link ReadTimeouts}, and an HTTP/1.0 request head is rewritten to 1.1 on the way ({@link Http10Head}).
 * Used by one connection's thread at a time, as Helidon's own reader is.
 */
final class ClientBytes implements Supplier<byte[]> {
    /** Helidon's default prologue and header limits: a longer head is left for Helidon to refuse. */
    static final int MAX_HEAD = 2048 + 16384;

    private final DataReader socket;
    private final ReadTimeouts.Watch watch;
    private boolean headSeen;

    ClientBytes(DataReader socket, ReadTimeouts.Watch watch) {
        this.socket = socket;
        this.watch = watch;
    }

    @Override
    public byte[] get() {
        if (!headSeen) {
            headSeen = true;
            return firstBytes();
        }
        return next();
    }

    private byte[] next() {
        if (socket.available() == 0) watch.during(socket::pullData);
        return socket.readBytes(socket.available());
    }

    /** The first bytes: through the end of the head when the request line says HTTP/1.0, rewritten. */
    private byte[] firstBytes() {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        seen.writeBytes(next());
        while (indexOf(seen, "\n") < 0 && seen.size() < MAX_HEAD) seen.writeBytes(next());
        String text = seen.toString(StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf('\n');
        if (lineEnd < 1 || !Http10Head.isHttp10(text.substring(0, lineEnd).stripTrailing())) return seen.toByteArray();
        while (indexOf(seen, "\r\n\r\n") < 0 && seen.size() < MAX_HEAD) seen.writeBytes(next());
        byte[] all = seen.toByteArray();
        int headEnd = indexOf(seen, "\r\n\r\n");
        if (headEnd < 0) return all;
        byte[] head = java.util.Arrays.copyOfRange(all, 0, headEnd + 4);
        byte[] rest = java.util.Arrays.copyOfRange(all, headEnd + 4, all.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(all.length + 40);
        out.writeBytes(Http10Head.rewrite(head, "localhost"));
        out.writeBytes(rest);
        return out.toByteArray();
    }

    private static int indexOf(ByteArrayOutputStream bytes, String what) {
        return bytes.toString(StandardCharsets.ISO_8859_1).indexOf(what);
    }
}
