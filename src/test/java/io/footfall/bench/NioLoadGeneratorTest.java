package io.footfall.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NioLoadGeneratorTest {
    /** The warm-up's hit bound: exactly that many requests reach the server and are answered, long before the deadline. */
    @Test
    void sendsNoMoreThanTheRequestBound() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicLong received = new AtomicLong();
        server.createContext("/api/send", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
        try {
            List<byte[]> requests = List.of(IngestBench.post("/api/send", "{}", "test", "10.0.0.1"));
            long deadline = System.nanoTime() + 30_000_000_000L;
            NioLoadGenerator.Result r = NioLoadGenerator.run(server.getAddress().getPort(), requests, 8, deadline, 1_003);
            assertEquals(1_003, r.ok());
            assertEquals(0, r.non200());
            assertEquals(0, r.errors());
            assertEquals(1_003, received.get());
            NioLoadGenerator.Result few = NioLoadGenerator.run(server.getAddress().getPort(), requests, 8, deadline, 3);
            assertEquals(3, few.ok());
            assertEquals(1_006, received.get());
        } finally {
            server.stop(0);
        }
    }
}
