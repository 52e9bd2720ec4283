package io.footfall.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The query bench's timed requests, each under an optional deadline ({@code --timeout SECONDS}) so that a table over a
 * large data set completes in bounded time: a request past it counts as a timeout (printed {@code timeout}) instead of
 * holding the table up, and on PostgreSQL the statements the server still runs for it are cancelled, so the next
 * endpoint is measured on an idle database. (DuckDB's statements run on; its tables seldom need a deadline.)
 */
final class TimedCalls {
    /**
     * Requests answered with something other than 200 (each printed once): the run goes on, so one failing endpoint (a
     * 503 when a small MEMORY_LIMIT's database share runs out) does not hide the rest; the bench fails at the end.
     */
    static final AtomicInteger FAILURES = new AtomicInteger();
    /** A median standing for a request that failed. */
    private static final double FAILED = -1;

    private final HttpClient http;
    private final Duration timeout;
    private final BenchStore store;

    /** {@code timeout} null: no deadline. */
    TimedCalls(HttpClient http, Duration timeout, BenchStore store) {
        this.http = http;
        this.timeout = timeout;
        this.store = store;
    }

    HttpClient http() {
        return http;
    }

    /**
     * The median time in ms of {@code runs} calls after a warm-up; NaN when a call timed out, {@link #FAILED} when one was
     * not answered 200 (the rest skipped either way).
     */
    double median(HttpRequest request, int runs) throws Exception {
        double[] t = new double[runs];
        try {
            if (!call(request)) return Double.NaN;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                if (!call(request)) return Double.NaN;
                t[i] = (System.nanoTime() - t0) / 1e6;
            }
        } catch (IllegalStateException e) {
            FAILURES.incrementAndGet();
            System.out.println("FAILED " + e.getMessage().substring(0, Math.min(400, e.getMessage().length())));
            return FAILED;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    /** A median as the tables print it: ms with one decimal, {@code timeout} or {@code failed}. */
    static String ms(double median) {
        return Double.isNaN(median) ? "timeout" : median == FAILED ? "failed" : String.format("%.1f", median);
    }

    /** False when the deadline passed; fails on any answer but 200. */
    private boolean call(HttpRequest request) throws Exception {
        HttpRequest timed = timeout == null ? request : HttpRequest.newBuilder(request, (n, v) -> true).timeout(timeout).build();
        try {
            HttpResponse<byte[]> r = http.send(timed, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new IllegalStateException(request.uri() + " -> " + r.statusCode() + " " + new String(r.body()));
            return true;
        } catch (HttpTimeoutException e) {
            cancelServerStatements();
            return false;
        }
    }

    private void cancelServerStatements() throws Exception {
        if (store.databaseUrl() == null) return;
        try (Connection c = store.connect(null); var st = c.createStatement()) {
            st.execute("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid() AND state = 'active'");
        }
        Thread.sleep(1000); // the server answers the cancelled request (an error nobody reads) and frees its connection
    }
}
