package io.footfall.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * Closed-loop HTTP/1.1 load from one thread: {@code concurrency} keep-alive connections, each sending
 * its next request as soon as the previous response is complete. One selector instead of a thread per
 * connection keeps the generator's own CPU use low, which matters when it shares the machine with the
 * server it measures.
 */
final class NioLoadGenerator {
    record Result(long ok, long non200, long errors, LatencyHistogram latencies) {
    }

    private static final class Conn {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        ByteBuffer out;
        long sentAt;
        int next;

        Conn(SocketChannel channel, int next) {
            this.channel = channel;
            this.next = next;
        }
    }

    private NioLoadGenerator() {
    }

    static Result run(int port, List<byte[]> requests, int concurrency, long deadlineNanos) throws IOException {
        return run(port, requests, concurrency, deadlineNanos, Long.MAX_VALUE);
    }

    /** As {@link #run(int, List, int, long)}, sending no more than {@code maxRequests} requests in all. */
    static Result run(int port, List<byte[]> requests, int concurrency, long deadlineNanos, long maxRequests) throws IOException {
        LatencyHistogram h = new LatencyHistogram();
        long ok = 0;
        long non200 = 0;
        long errors = 0;
        int outstanding = 0;
        long sent = 0;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < concurrency && sent < maxRequests; i++) {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                Conn c = new Conn(ch, i * 7919);
                send(c, requests);
                sent++;
                outstanding++;
                ch.register(selector, SelectionKey.OP_READ, c);
            }
            // After the deadline no new requests go out, but every request sent is answered and counted,
            // so "acknowledged" and "stored" can be compared exactly.
            long hardStop = deadlineNanos + 30_000_000_000L;
            while (((System.nanoTime() < deadlineNanos && sent < maxRequests) || outstanding > 0) && System.nanoTime() < hardStop) {
                if (selector.select(100) == 0) continue;
                var it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    Conn c = (Conn) key.attachment();
                    if (c.out.hasRemaining()) c.channel.write(c.out);
                    int n;
                    try {
                        n = c.channel.read(c.in);
                    } catch (IOException e) {
                        n = -1;
                    }
                    if (n < 0) {
                        errors++;
                        outstanding--;
                        key.cancel();
                        c.channel.close();
                        continue;
                    }
                    int status = completeResponse(c.in);
                    if (status == 0) continue;
                    h.record(System.nanoTime() - c.sentAt);
                    outstanding--;
                    if (status == 200) ok++;
                    else non200++;
                    if (System.nanoTime() < deadlineNanos && sent < maxRequests) {
                        send(c, requests);
                        sent++;
                        outstanding++;
                    }
                }
            }
            for (SelectionKey key : selector.keys()) key.channel().close();
        }
        return new Result(ok, non200, errors, h);
    }

    private static void send(Conn c, List<byte[]> requests) throws IOException {
        c.out = ByteBuffer.wrap(requests.get(c.next++ % requests.size()));
        c.sentAt = System.nanoTime();
        c.channel.write(c.out);
    }

    /**
     * The status when {@code in} holds a whole response (which is then removed from the buffer),
     * else 0. Responses here are small and carry Content-Length.
     */
    private static int completeResponse(ByteBuffer in) {
        byte[] b = in.array();
        int end = in.position();
        int headerEnd = -1;
        for (int i = 0; i + 3 < end; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                headerEnd = i;
                break;
            }
        }
        if (headerEnd < 0) return 0;
        int length = 0;
        String head = new String(b, 0, headerEnd, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase();
        int cl = head.indexOf("\ncontent-length:");
        if (cl >= 0) {
            int eol = head.indexOf('\r', cl + 1);
            length = Integer.parseInt(head.substring(cl + 16, eol < 0 ? head.length() : eol).trim());
        }
        int total = headerEnd + 4 + length;
        if (end < total) return 0;
        int status = (b[9] - '0') * 100 + (b[10] - '0') * 10 + (b[11] - '0');
        System.arraycopy(b, total, b, 0, end - total);
        in.position(end - total);
        return status;
    }
}
