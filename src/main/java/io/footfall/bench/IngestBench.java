package io.footfall.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code ./footfall bench ingest}: starts a server in its own JVM on a fresh data directory, drives
 * /api/send over loopback with realistic, varied hits at each concurrency for a bounded time (a
 * closed loop: each connection sends its next hit when the previous one is answered), then stops the
 * server and checks that the store holds exactly as many events as got a 200.
 */
public final class IngestBench {
    private static final String[] USER_AGENTS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
            "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"};
    private static final String[] SCREENS = {"1920x1080", "1536x864", "390x844", "412x915", "2560x1440", "1366x768", "820x1180"};
    private static final String[] LANGUAGES = {"en-US", "de-DE", "fr-FR", "es-ES", "pt-BR", "ja-JP", "en-GB"};
    private static final String[] PATHS = {"/", "/pricing", "/features", "/docs", "/docs/install", "/blog", "/about", "/contact", "/signup", "/login"};
    private static final String[] REFERRERS = {"", "", "", "https://www.google.com/", "https://www.bing.com/search?q=analytics",
            "https://t.co/abc", "https://news.ycombinator.com/", "https://www.reddit.com/r/selfhosted/", "https://duckduckgo.com/"};
    private static final String[] QUERIES = {"", "", "", "", "?utm_source=newsletter&utm_medium=email&utm_campaign=launch", "?gclid=abc123", "?ref=producthunt"};
    private static final String[] EVENTS = {"signup", "cta-click", "download", "copy-code"};

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        IngestOptions o = IngestOptions.parse(args);
        // --data: an existing data directory (e.g. a copy of the query bench's), to measure folding into large rollups.
        Path dataDir = o.data() != null ? o.data() : Files.createTempDirectory("footfall-bench-ingest");
        BenchStore store = BenchStore.of(o.store());
        System.out.printf("ingest benchmark: %d s per level, concurrency %s, warm-up %d s%s at c=%d, data in %s, store %s%n", o.seconds(),
                o.levels(), o.warmupSeconds(), o.warmupHits() == Long.MAX_VALUE ? "" : String.format(" or %,d hits", o.warmupHits()),
                o.warmupConcurrency(), dataDir,
                store.databaseUrl() == null ? store.name() : io.footfall.store.postgres.PostgresUrl.parse(store.databaseUrl()).display());
        long ok = 0;
        String website;
        List<String> jvm = ServerProcess.benchJvmOptions();
        try (ServerProcess server = ServerProcess.start(dataDir, jvm, store.env())) {
            System.out.printf("server JVM options %s; RSS after start %s%n", jvm, mib(server.rssKiB()));
            website = createWebsite(server.port());
            List<byte[]> requests = requests(website, 20_000);
            if (o.warmupSeconds() > 0) {
                // stored too, so counted in the check; not in the levels' events/s
                Result w = run(server, requests, o.warmupConcurrency(), o.warmupSeconds(), o.warmupHits());
                ok += w.ok;
                print("warm-up c=" + o.warmupConcurrency(), w, server);
            }
            for (int c : o.levels()) {
                Result r = run(server, requests, c, o.seconds(), Long.MAX_VALUE);
                ok += r.ok;
                print("c=" + c, r, server);
            }
            System.out.printf("server RSS at the end %s, peak %s%n", mib(server.rssKiB()), mib(server.peakRssKiB()));
        }
        long stored = countStored(store, dataDir, website);
        System.out.printf("acknowledged (200) %,d, stored %,d: %s%n", ok, stored, ok == stored ? "OK, all acknowledged events stored" : "MISMATCH");
        if (ok != stored) System.exit(1);
    }

    /** One level's line; CPU per answered hit (server, load generator) is what a busy machine changes least. */
    private static void print(String label, Result r, ServerProcess server) {
        System.out.printf(Locale.ROOT, "%-16s %,10.0f events/s   p50 %6.2f ms   p99 %6.2f ms   200s %,d   non-200 %,d   errors %,d   CPU server %s, generator %s   RSS %s%n",
                label, r.ok / r.seconds, r.p50, r.p99, r.ok, r.non200, r.errors, perEvent(r.serverCpuNanos, r.ok),
                perEvent(r.generatorCpuNanos, r.ok), mib(server.rssKiB()));
    }

    static String mib(long kib) {
        return kib < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }

    record Result(long ok, long non200, long errors, double seconds, double p50, double p99, long serverCpuNanos, long generatorCpuNanos) {
    }

    private static Result run(ServerProcess server, List<byte[]> requests, int concurrency, int seconds, long maxHits) throws Exception {
        long cpuBefore = server.cpuNanos();
        long ownBefore = ownCpuNanos();
        long start = System.nanoTime();
        NioLoadGenerator.Result r = NioLoadGenerator.run(server.port(), requests, concurrency, start + seconds * 1_000_000_000L, maxHits);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpuAfter = server.cpuNanos();
        long ownAfter = ownCpuNanos();
        return new Result(r.ok(), r.non200(), r.errors(), elapsed, r.latencies().percentileMillis(0.50),
                r.latencies().percentileMillis(0.99), cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore,
                ownBefore < 0 || ownAfter < 0 ? -1 : ownAfter - ownBefore);
    }

    /** This process's CPU time (the load generator shares the cores with the server it measures), -1 when unknown. */
    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    private static String perEvent(long nanos, long events) {
        return nanos < 0 || events == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f µs/event", nanos / 1e3 / events);
    }

    /** One hit as a client sends it: the body, its User-Agent and the client address (via X-Forwarded-For). */
    record Hit(String body, String userAgent, String ip) {
    }

    /** Varied hits: distinct IPs, UAs, paths, referrers, UTM; ~15 % custom events with data. */
    static List<Hit> hits(String website, int n) {
        SplittableRandom rnd = new SplittableRandom(42);
        List<Hit> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String ip = (rnd.nextInt(200) + 1) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (rnd.nextInt(254) + 1);
            String path = PATHS[rnd.nextInt(PATHS.length)];
            String url = "https://example.com" + path + QUERIES[rnd.nextInt(QUERIES.length)];
            StringBuilder payload = new StringBuilder(400);
            payload.append("{\"type\":\"event\",\"payload\":{\"website\":\"").append(website)
                    .append("\",\"hostname\":\"example.com\",\"screen\":\"").append(SCREENS[rnd.nextInt(SCREENS.length)])
                    .append("\",\"language\":\"").append(LANGUAGES[rnd.nextInt(LANGUAGES.length)])
                    .append("\",\"title\":\"Example ").append(path).append("\",\"url\":\"").append(url)
                    .append("\",\"referrer\":\"").append(REFERRERS[rnd.nextInt(REFERRERS.length)]).append('"');
            if (rnd.nextInt(100) < 15) {
                payload.append(",\"name\":\"").append(EVENTS[rnd.nextInt(EVENTS.length)])
                        .append("\",\"data\":{\"position\":\"hero\",\"value\":").append(rnd.nextInt(1000))
                        .append(",\"member\":").append(rnd.nextBoolean()).append('}');
            }
            payload.append("}}");
            out.add(new Hit(payload.toString(), USER_AGENTS[rnd.nextInt(USER_AGENTS.length)], ip));
        }
        return out;
    }

    /** The same hits as complete HTTP/1.1 requests, built once and replayed. */
    static List<byte[]> requests(String website, int n) {
        return hits(website, n).stream().map(h -> post("/api/send", h.body(), h.userAgent(), h.ip())).toList();
    }

    /** One complete HTTP/1.1 request, built once and replayed (text/plain, as the tracker sends). */
    static byte[] post(String path, String body, String userAgent, String forwardedFor) {
        byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + userAgent
                + "\r\nX-Forwarded-For: " + forwardedFor + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + b.length + "\r\n\r\n";
        byte[] h = head.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + b.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return all;
    }

    static String createWebsite(int port) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var login = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"umami\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = mapper.readTree(login.body()).get("token").asText();
        var site = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/websites"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ingest Bench\",\"domain\":\"example.com\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return mapper.readTree(site.body()).get("id").asText();
    }

    static long countStored(BenchStore store, Path dataDir, String website) throws Exception {
        try (var conn = store.connect(dataDir);
             var ps = conn.prepareStatement("SELECT count(*) FROM event WHERE website_id = CAST(? AS UUID)")) {
            ps.setString(1, website);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
