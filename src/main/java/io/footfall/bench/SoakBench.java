package io.footfall.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * {@code ./footfall bench soak [--minutes N] [--rate HITS_PER_S] [--reads READS_PER_S] [--data DIR]}: a server in its
 * own JVM (MEMORY_LIMIT applies, as for the other benches) gets hits and dashboard reads at a steady rate (an open
 * loop: requests leave on schedule whether or not earlier ones were answered, up to {@link #MAX_IN_FLIGHT}) for a
 * bounded time. Every minute it prints the server's RSS, the data directory's size, the ingest log's size,
 * latencies and error counts of that minute and the load average; at the end the RSS trend ({@link RssTrend}), then it
 * stops the server and checks stored == acknowledged.
 */
public final class SoakBench {
    private static final int MAX_IN_FLIGHT = 256;
    private static final String[] DASHBOARD = {
            "stats", "pageviews?unit=hour&timezone=Europe/Berlin", "metrics?type=path", "metrics?type=referrer",
            "metrics?type=browser", "metrics?type=country", "metrics?type=event", "sessions", "events/series?unit=hour&timezone=UTC"};

    private SoakBench() {
    }

    /** Totals over the whole run (exact: a request answered just as a minute ends still counts here). */
    private static final AtomicLong ACKNOWLEDGED = new AtomicLong(), FAILED_HITS = new AtomicLong(), FAILED_READS = new AtomicLong();
    /** Why requests failed ("send 503", "read HttpTimeoutException", ...), counted. */
    private static final Map<String, AtomicLong> FAILURES = new java.util.concurrent.ConcurrentHashMap<>();

    private static void failed(String what) {
        FAILURES.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    /** Counts and latencies of one minute, shared by the request threads; for the per-minute lines only. */
    private static final class Window {
        final LatencyHistogram ingest = new LatencyHistogram();
        final LatencyHistogram reads = new LatencyHistogram();
        long acknowledged, ingestFailures, readCount, readFailures;

        synchronized void hit(long nanos, boolean ok) {
            ingest.record(nanos);
            if (ok) acknowledged++;
            else ingestFailures++;
        }

        synchronized void read(long nanos, boolean ok) {
            reads.record(nanos);
            readCount++;
            if (!ok) readFailures++;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = QueryBench.options(args);
        int minutes = Math.min(120, Integer.parseInt(opts.getOrDefault("minutes", "5")));
        double rate = Double.parseDouble(opts.getOrDefault("rate", "200"));
        double readRate = Double.parseDouble(opts.getOrDefault("reads", "2"));
        Path dataDir = opts.containsKey("data") ? Path.of(opts.get("data")) : Files.createTempDirectory("footfall-bench-soak");
        List<String> jvm = ServerProcess.benchJvmOptions();
        String preload = System.getenv("LD_PRELOAD"); // the launcher's jemalloc, inherited by the server
        System.out.printf(Locale.ROOT, "soak: %d min, %.0f hits/s, %.1f dashboard reads/s, data in %s, server JVM options %s, LD_PRELOAD %s%n",
                minutes, rate, readRate, dataDir, jvm, preload == null || preload.isBlank() ? "none (glibc malloc)" : preload);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String website;
        try (ServerProcess server = ServerProcess.start(dataDir, jvm)) {
            String base = "http://127.0.0.1:" + server.port();
            website = IngestBench.createWebsite(server.port());
            String token = QueryBench.login(http, base);
            List<IngestBench.Hit> hits = IngestBench.hits(website, 20_000);
            System.out.printf("RSS after start %s%n", IngestBench.mib(server.rssKiB()));
            // The first hit waits for the User-Agent parser to finish building (slow on a busy machine): start the clock after it.
            var first = new AtomicReference<>(new Window());
            send(http, base, hits.getLast(), first, new Semaphore(0), Duration.ofSeconds(120));
            System.out.printf("first hit answered %s; RSS %s%n", first.get().acknowledged == 1 ? "200" : "with a failure",
                    IngestBench.mib(server.rssKiB()));
            System.out.println("latencies of 2000 ms mean 2 s or more (the histogram's last bucket)");
            System.out.println("min  acked/s  ingest p50/p99 ms  failed  reads  read p50/p99 ms  failed  RSS MiB  data MiB  log KiB  load");
            Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
            AtomicLong skipped = new AtomicLong();
            var window = new AtomicReference<>(new Window());
            var rss = new RssTrend();
            try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
                long start = System.nanoTime();
                long hitPeriod = (long) (1e9 / rate), readPeriod = readRate > 0 ? (long) (1e9 / readRate) : Long.MAX_VALUE;
                long nextHit = start, nextRead = start, nextSample = start + 60_000_000_000L, end = start + minutes * 60_000_000_000L;
                int hitIndex = 0, readIndex = 0, minute = 0;
                while (true) {
                    long now = System.nanoTime();
                    if (now >= nextSample) {
                        minute++;
                        sample(minute, window.getAndSet(new Window()), server, dataDir, rss);
                        nextSample += 60_000_000_000L;
                        if (now >= end) break;
                        continue;
                    }
                    if (now >= nextHit) {
                        IngestBench.Hit h = hits.get(hitIndex++ % hits.size());
                        if (inFlight.tryAcquire()) requests.submit(() -> send(http, base, h, window, inFlight, Duration.ofSeconds(30)));
                        else skipped.incrementAndGet();
                        nextHit += hitPeriod;
                        continue;
                    }
                    if (now >= nextRead) {
                        String e = DASHBOARD[readIndex++ % DASHBOARD.length];
                        long days = readIndex % 2 == 0 ? 1 : 7; // the last 24 hours, then the last 7 days
                        long endAt = System.currentTimeMillis();
                        String url = base + "/api/websites/" + website + "/" + e + (e.contains("?") ? "&" : "?")
                                + "startAt=" + (endAt - days * 86_400_000L) + "&endAt=" + endAt;
                        if (inFlight.tryAcquire()) requests.submit(() -> read(http, url, token, window, inFlight));
                        else skipped.incrementAndGet();
                        nextRead += readPeriod;
                        continue;
                    }
                    long wait = Math.min(Math.min(nextHit, nextRead), nextSample) - now;
                    if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            } // waits for the requests still in flight
            if (skipped.get() > 0) System.out.printf("not sent (%d requests already in flight): %,d%n", MAX_IN_FLIGHT, skipped.get());
            System.out.printf("server RSS peak %s%n", IngestBench.mib(server.peakRssKiB()));
            System.out.println(rss.summary());
        }
        long stored = IngestBench.countStored(BenchStore.of("duckdb"), dataDir, website);
        long acknowledged = ACKNOWLEDGED.get(), failures = FAILED_HITS.get(), readFailures = FAILED_READS.get();
        System.out.printf("acknowledged (200) %,d, failed hits %,d, failed reads %,d, stored %,d: %s%n", acknowledged, failures,
                readFailures, stored, acknowledged == stored ? "OK, all acknowledged events stored" : "MISMATCH");
        if (!FAILURES.isEmpty()) System.out.println("failures: " + new java.util.TreeMap<>(FAILURES));
        if (acknowledged != stored) System.exit(1);
    }

    private static void send(HttpClient http, String base, IngestBench.Hit h, AtomicReference<Window> w,
                             Semaphore inFlight, Duration timeout) {
        long t0 = System.nanoTime();
        boolean ok = false;
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/send"))
                    .header("User-Agent", h.userAgent()).header("X-Forwarded-For", h.ip()).header("Content-Type", "text/plain")
                    .timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(h.body())).build(),
                    HttpResponse.BodyHandlers.discarding());
            ok = r.statusCode() == 200;
            if (!ok) failed("send " + r.statusCode());
        } catch (IOException | InterruptedException e) {
            failed("send " + e.getClass().getSimpleName());
        } finally {
            (ok ? ACKNOWLEDGED : FAILED_HITS).incrementAndGet();
            w.get().hit(System.nanoTime() - t0, ok);
            inFlight.release();
        }
    }

    private static void read(HttpClient http, String url, String token, AtomicReference<Window> w,
                             Semaphore inFlight) {
        long t0 = System.nanoTime();
        boolean ok = false;
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
            ok = r.statusCode() == 200;
            if (!ok) failed("read " + r.statusCode() + " " + url.substring(url.indexOf("/api/")).replaceAll("[?&](startAt|endAt)=\\d+", ""));
        } catch (IOException | InterruptedException e) {
            failed("read " + e.getClass().getSimpleName());
        } finally {
            if (!ok) FAILED_READS.incrementAndGet();
            w.get().read(System.nanoTime() - t0, ok);
            inFlight.release();
        }
    }

    private static void sample(int minute, Window w, ServerProcess server, Path dataDir, RssTrend rss) throws IOException {
        double rssMiB = server.rssKiB() / 1024.0;
        rss.add(rssMiB);
        synchronized (w) {
            System.out.printf(Locale.ROOT, "%3d  %7.0f  %7.1f / %7.1f  %6d  %5d  %6.1f / %6.1f  %6d  %7.0f  %8.0f  %7.0f  %s%n",
                    minute, w.acknowledged / 60.0, w.ingest.percentileMillis(0.5), w.ingest.percentileMillis(0.99), w.ingestFailures,
                    w.readCount, w.reads.percentileMillis(0.5), w.reads.percentileMillis(0.99), w.readFailures,
                    rssMiB, bytes(dataDir) / 1048576.0, bytes(dataDir.resolve("ingest-log")) / 1024.0, loadAverage());
        }
    }

    /** The machine's 1-minute load average (Linux /proc; "-" elsewhere): latencies mean little without it. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }

    private static long bytes(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
