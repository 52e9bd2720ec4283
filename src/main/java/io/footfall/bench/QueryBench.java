package io.footfall.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.FootfallServer;
import io.footfall.config.Settings;
import io.footfall.http.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Query latency on a generated data set: 10 M events over 90 days for one website (~1 M sessions,
 * skewed paths, referrers, UTM, browsers, countries, custom events with data) plus noise websites,
 * written straight into a fresh DATA_DIR by DuckDB itself (reused when already there). Then, against a
 * server started in its own JVM, over HTTP, each endpoint's median of 5 runs after a warm-up, for 90 days and 7 days.
 *
 * <p>Options: {@code --data DIR} (default {@code DATA_DIR} or ./data-bench-query), {@code --events N},
 * {@code --runs N}, {@code --only PREFIX} (endpoints starting with it), {@code --store postgresql} (the data set copied
 * into PostgreSQL, see {@link PostgresBenchCopy}), {@code --timeout SECONDS} (a request past it is printed as
 * {@code timeout}, see {@link TimedCalls}).
 */
public final class QueryBench {
    static final UUID SITE = UUID.fromString("6b0c1f0e-0000-4000-8000-00000000b001");
    static final UUID NOISE_1 = UUID.fromString("6b0c1f0e-0000-4000-8000-00000000b002");
    static final UUID NOISE_2 = UUID.fromString("6b0c1f0e-0000-4000-8000-00000000b003");

    private QueryBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        Path dir = Path.of(opts.getOrDefault("data", System.getenv().getOrDefault("DATA_DIR", "data-bench-query")));
        // About 90 % go to the bench site: this default gives it 10 M, the two noise sites the rest.
        long events = Long.parseLong(opts.getOrDefault("events", "11800000"));
        int runs = Integer.parseInt(opts.getOrDefault("runs", "5"));
        Instant end = prepare(dir, events);
        // --store postgresql: the same data set copied into PostgreSQL, the server started on it.
        BenchStore store = BenchStore.of(opts.getOrDefault("store", "duckdb"));
        if (store.databaseUrl() != null) PostgresBenchCopy.ensure(dir, store);
        // Measured against a server in its own JVM, as clients see it (FOOTFALL_BENCH_SERVER_OPTS: its JVM options).
        List<String> jvm = ServerProcess.benchJvmOptions();
        // --path accelerated (default), reference (every statistic from raw events: QUERY_PATH=reference), or both in turn.
        String path = opts.getOrDefault("path", "accelerated");
        if (!List.of("accelerated", "reference", "both").contains(path)) throw new IllegalArgumentException("--path: accelerated, reference or both");
        for (String p : path.equals("both") ? List.of("accelerated", "reference") : List.of(path)) {
            try (ServerProcess server = ServerProcess.start(dir, jvm, withPath(store.env(), p))) {
                System.out.printf("query path %s; server JVM options %s; RSS after start %s%n", p, jvm, IngestBench.mib(server.rssKiB()));
                Thread.sleep(10_000); // the User-Agent parser builds in the background after start: let it finish
                System.out.printf("server RSS idle after 10 s %s%n", IngestBench.mib(server.rssKiB()));
                Duration timeout = opts.containsKey("timeout") ? Duration.ofSeconds(Long.parseLong(opts.get("timeout"))) : null;
                // --reports no: the dashboard's reads only (e.g. to measure memory without the reports a small DuckDB may refuse).
                measure(server.port(), end, runs, opts.get("only"), !"no".equals(opts.get("reports")), timeout, store);
                System.out.printf("server RSS at the end %s, peak %s; requests not answered 200: %d%n", IngestBench.mib(server.rssKiB()),
                        IngestBench.mib(server.peakRssKiB()), TimedCalls.FAILURES.get());
            }
        }
        if (TimedCalls.FAILURES.get() > 0) throw new IllegalStateException(TimedCalls.FAILURES.get() + " requests were not answered 200 (FAILED lines above)");
    }

    /**
     * Generates the data set into {@code dir} (or reuses the one already there) and returns the hour it
     * ends at. Also used by {@link UiBench}.
     */
    static Instant prepare(Path dir, long events) throws Exception {
        Files.createDirectories(dir);
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", dir.toString());
        env.put("HOSTNAME", "127.0.0.1");
        env.put("PORT", "0");
        Instant end;
        // Data set: written by an in-process server straight into DuckDB (reused when already there).
        try (FootfallServer server = FootfallServer.start(Settings.from(env))) {
            Path marker = dir.resolve("query-bench.generated");
            if (Files.exists(marker)) {
                end = Instant.parse(Files.readString(marker).trim());
                System.out.println("reusing data set in " + dir.toAbsolutePath() + " (ends " + end + ")");
            } else {
                end = Instant.now().truncatedTo(ChronoUnit.HOURS);
                long t0 = System.nanoTime();
                generate(server, end, events);
                Files.writeString(marker, end.toString());
                System.out.printf("generated %,d events (%,d on the bench site) in %.1f s%n", count(server, "TRUE"),
                        count(server, "website_id = '" + SITE + "'"), (System.nanoTime() - t0) / 1e9);
            }
            ensureSessionData(server);
            ReportBench.ensureRevenueData(server, SITE);
        }
        return end;
    }

    static long count(FootfallServer server, String where) throws Exception {
        return server.stores().events().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM event WHERE " + where)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Writes websites and events with set-based SQL; sessions, then their events in time order. */
    static void generate(FootfallServer server, Instant end, long events) throws Exception {
        String admin = server.stores().meta().findUserByUsername("admin").orElseThrow().id().toString();
        long sessions = events / 10;
        String endTs = end.toString().replace("T", " ").replace("Z", "");
        String start = Instant.ofEpochSecond(end.getEpochSecond() - 90L * 86400).toString().replace("T", " ").replace("Z", "");
        server.stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                for (UUID id : List.of(SITE, NOISE_1, NOISE_2)) {
                    st.execute("INSERT INTO website (website_id, name, domain, user_id, created_by, created_at) VALUES ('" + id
                            + "', 'Bench " + id.toString().substring(34) + "', 'example.com', '" + admin + "', '" + admin + "', now())");
                }
                st.execute("SELECT setseed(0.42)");
                st.execute(sessionsSql(sessions, start));
                st.execute(eventsSql(start, endTs));
                st.execute("INSERT INTO event SELECT *, 0 FROM gen_event ORDER BY created_at"); // ingest_seq 0: folded (rebuilt below)
                st.execute("INSERT INTO event_data SELECT website_id, event_id, 'value', NULL, (abs(hash(event_id)) % 10000) / 100.0, "
                        + "NULL, 2, created_at, event_type, event_name, 0 FROM gen_event WHERE event_type = 2");
                st.execute("DROP TABLE gen_event");
                io.footfall.accelerate.duckdb.BulkLoads.rebuildRollups(c);
                st.execute("DROP TABLE gen_session");
            }
            return null;
        });
        server.stores().connections().read(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CHECKPOINT");
            }
            return null;
        });
    }

    /**
     * Session data for about a third of the bench site's sessions (plan, age), written once; a data set
     * generated before session data was benchmarked gets it on its next run.
     */
    static void ensureSessionData(FootfallServer server) throws Exception {
        long existing = server.stores().events().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM session_data")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (existing > 0) return;
        server.stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                String sessions = "SELECT website_id, session_id, min(created_at) AS first_at, max(distinct_id) AS distinct_id, "
                        + "(abs(hash(session_id)) % 1000)::BIGINT AS h FROM event WHERE website_id = '" + SITE + "' GROUP BY website_id, session_id";
                st.execute("INSERT INTO session_data (website_id, session_id, data_key, string_value, number_value, date_value, data_type, distinct_id, created_at) "
                        + "SELECT website_id, session_id, 'plan', "
                        + "(['free', 'free', 'free', 'pro', 'pro', 'team', 'enterprise'])[1 + h % 7], NULL, NULL, 1, distinct_id, first_at "
                        + "FROM (" + sessions + ") s WHERE h < 330");
                st.execute("INSERT INTO session_data (website_id, session_id, data_key, string_value, number_value, date_value, data_type, distinct_id, created_at) "
                        + "SELECT website_id, session_id, 'age', (18 + h % 60)::VARCHAR || '.0000', "
                        + "18 + h % 60, NULL, 2, distinct_id, first_at FROM (" + sessions + ") s WHERE h < 200");
                io.footfall.accelerate.duckdb.BulkLoads.resyncSessionData(c);
            }
            return null;
        });
    }

    private static String pick(String expr, String... values) {
        StringBuilder s = new StringBuilder("(['");
        s.append(String.join("','", values)).append("'])[1 + least(").append(values.length - 1).append(", floor(")
                .append(expr).append(" * ").append(values.length).append(")::INT)]");
        return s.toString();
    }

    static String sessionsSql(long sessions, String start) {
        // 90 % of sessions on the bench site, the rest on two noise sites; skew via random()^k.
        return "CREATE TEMP TABLE gen_session AS SELECT "
                + "uuid() AS session_id, "
                + "CASE WHEN i % 10 = 0 THEN (CASE WHEN i % 20 = 0 THEN '" + NOISE_1 + "' ELSE '" + NOISE_2 + "' END)::UUID ELSE '"
                + SITE + "'::UUID END AS website_id, "
                + "TIMESTAMP '" + start + "' + to_seconds(floor(random() * 90 * 86400)::BIGINT) AS first_at, "
                + "1 + floor(-ln(1 - random()) * 9)::INT AS n, "
                + pick("pow(random(), 2)", "chrome", "ios", "edge-chromium", "safari", "firefox", "samsung", "crios", "opera", "android") + " AS browser, "
                + pick("pow(random(), 1.5)", "Windows 10", "Mac OS", "iOS", "Android OS", "Linux", "Chrome OS") + " AS os, "
                + pick("pow(random(), 1.5)", "laptop", "mobile", "desktop", "tablet") + " AS device, "
                + pick("pow(random(), 1.5)", "1920x1080", "1536x864", "390x844", "1440x900", "414x896", "2560x1440") + " AS screen, "
                + pick("pow(random(), 2)", "en-US", "de-DE", "en-GB", "fr-FR", "es-ES", "ja-JP", "pt-BR", "hi-IN") + " AS language, "
                + pick("pow(random(), 2.5)", "US", "DE", "IN", "GB", "FR", "BR", "CA", "JP", "NL", "ES", "IT", "AU", "PL", "SE",
                "MX", "KR", "CH", "AT", "BE", "NO") + " AS country, "
                + "NULL::VARCHAR AS city, "
                + "CASE WHEN random() < 0.03 THEN 'user-' || (i % 50000) ELSE NULL END AS distinct_id "
                + "FROM range(" + sessions + ") t(i)";
    }

    static String eventsSql(String start, String end) {
        String[] paths = new String[50];
        paths[0] = "/";
        String[] named = {"/pricing", "/features", "/docs", "/blog", "/about", "/contact", "/signup", "/login", "/integrations"};
        System.arraycopy(named, 0, paths, 1, named.length);
        for (int i = 10; i < 50; i++) paths[i] = "/blog/post-" + i;
        String visitHash = "md5(s.session_id::VARCHAR || (s.j // 4)::VARCHAR)";
        String visitId = "(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12))::UUID";
        // A session lives within its calendar month (the default monthly salt starts new ones) and the data's
        // 90 days: its visits, every two days, wrap around inside that period, each visit whole.
        String periodStart = "greatest(date_trunc('month', s.first_at), TIMESTAMP '" + start + "')";
        String periodSeconds = "greatest(600, date_diff('second', " + periodStart + ", least(date_trunc('month', s.first_at) + INTERVAL 1 MONTH, "
                + "TIMESTAMP '" + end + "') - INTERVAL 6 MINUTE))";
        String visitStart = periodStart + " + to_seconds((date_diff('second', " + periodStart + ", s.first_at) + (s.j // 4) * 2 * 86400) % "
                + periodSeconds + ")";
        String t = visitStart + " + to_seconds(((s.j % 4) * 75 + floor(r4 * 60))::BIGINT)";
        return "CREATE TEMP TABLE gen_event AS SELECT "
                + "uuid() AS event_id, s.website_id, s.session_id, " + visitId.replace("h,", "vh,") + " AS visit_id, "
                + "t AS created_at, "
                + "CASE WHEN r1 < 0.12 THEN 2 ELSE 1 END::SMALLINT AS event_type, "
                + "CASE WHEN r1 < 0.12 THEN " + pick("pow(r2, 1.5)", "cta-click", "signup", "download", "copy-code", "video-play", "newsletter") + " END AS event_name, "
                + "'example.com' AS hostname, "
                + pick("pow(r3, 3)", paths) + " AS url_path, "
                + "CASE WHEN r2 < 0.08 THEN 'utm_source=' || " + pick("r4", "newsletter", "google", "twitter", "partner") + " || '&utm_medium=' || "
                + pick("r3", "email", "cpc", "social", "referral") + " WHEN r2 > 0.985 THEN 'gclid=' || (s.j % 997) ELSE '' END AS url_query, "
                + "'Example page' AS page_title, NULL AS tag, "
                + "CASE WHEN s.j % 4 = 0 THEN nullif(" + pick("r4", "", "", "", "google.com", "google.com", "bing.com", "t.co",
                "facebook.com", "news.ycombinator.com", "example.com", "duckduckgo.com", "reddit.com", "github.com", "youtube.com") + ", '') END AS referrer_domain, "
                + "NULL AS referrer_path, NULL AS referrer_query, "
                + "CASE WHEN r2 < 0.08 THEN " + pick("r4", "newsletter", "google", "twitter", "partner") + " END AS utm_source, "
                + "CASE WHEN r2 < 0.08 THEN " + pick("r3", "email", "cpc", "social", "referral") + " END AS utm_medium, "
                + "CASE WHEN r2 < 0.08 THEN 'spring' END AS utm_campaign, NULL AS utm_content, NULL AS utm_term, "
                + "CASE WHEN r2 > 0.985 THEN 'x' END AS gclid, NULL AS fbclid, NULL AS msclkid, NULL AS ttclid, NULL AS li_fat_id, NULL AS twclid, "
                + "s.browser, s.os, s.device, s.screen, s.language, s.country, s.country || '-' || 'XX' AS region, s.city, s.distinct_id, "
                + "NULL::DOUBLE AS lcp, NULL::DOUBLE AS inp, NULL::DOUBLE AS cls, NULL::DOUBLE AS fcp, NULL::DOUBLE AS ttfb "
                + "FROM (SELECT s.*, " + visitHash + " AS vh, " + t + " AS t FROM (SELECT u.*, random() AS r1, random() AS r2, "
                + "random() AS r3, random() AS r4 FROM (SELECT g.*, unnest(range(g.n)) AS j FROM gen_session g) u) s) s";
    }

    /** Times every endpoint, or those starting with {@code only} when given. */
    static void measure(int port, Instant end, int runs, String only, boolean reports, Duration timeout, BenchStore store) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        TimedCalls calls = new TimedCalls(http, timeout, store);
        String base = "http://127.0.0.1:" + port;
        String token = login(http, base);
        long endMs = end.toEpochMilli();
        String[] endpoints = {
                "stats", "pageviews?unit=day&timezone=Europe/Berlin", "pageviews?unit=hour",
                "metrics?type=path", "metrics?type=entry", "metrics?type=referrer", "metrics?type=channel",
                "metrics?type=browser", "metrics?type=country", "metrics?type=event", "metrics?type=path&path=c.blog",
                "metrics?type=exit", "metrics?type=title", "metrics?type=query", "metrics?type=domain", "metrics?type=region",
                "metrics?type=city", "metrics?type=os", "metrics?type=device", "metrics?type=language", "metrics?type=screen",
                "metrics?type=hostname", "metrics?type=tag", "metrics?type=distinctId",
                "metrics?type=utmSource", "metrics?type=utmMedium", "metrics?type=utmCampaign", "metrics?type=utmContent",
                "metrics?type=utmTerm", "metrics?type=utmSource&utmSource=google",
                "metrics/expanded?type=path", "metrics/expanded?type=utmSource", "metrics/expanded?type=utmMedium", "events", "events/series?unit=day&timezone=UTC", "events/stats",
                "stats?country=DE&browser=chrome",
                "sessions", "sessions?search=user-1", "sessions/stats", "sessions/weekly?timezone=Europe/Berlin",
                "session-data/properties", "session-data/values?propertyName=plan", "event-data/stats",
                "event-data/values?event=signup&propertyName=value",
                "daterange", "values?type=path", "values?type=referrer&search=o", "values?type=city", "event-data",
                "event-data?page=50", "export", "revenue/sessions?currency=EUR"};
        System.out.printf("%-45s %10s %10s%n", "endpoint (median of " + runs + ", ms)", "90 days", "7 days");
        for (String e : endpoints) {
            if (only != null && !e.startsWith(only)) continue;
            double[] medians = new double[2];
            int k = 0;
            for (int days : new int[]{90, 7}) {
                String sep = e.contains("?") ? "&" : "?";
                // Ends 1 ms before the hour, as a dashboard's range does (its end is inclusive): the last hour is then cut.
                String url = base + "/api/websites/" + SITE + "/" + e + sep + "startAt=" + (endMs - days * 86_400_000L) + "&endAt=" + (endMs - 1);
                medians[k++] = calls.median(get(url, token), runs);
            }
            System.out.printf("%-45s %10s %10s%n", e, TimedCalls.ms(medians[0]), TimedCalls.ms(medians[1]));
        }
        if (reports) ReportBench.measure(calls, base, token, SITE, endMs, runs, only);
        for (String e : new String[]{"/api/websites/" + SITE + "/active", "/api/realtime/" + SITE}) {
            System.out.printf("%-45s %10s%n", e.substring(e.lastIndexOf("/api/") + 5).replace(SITE.toString(), ":id"),
                    TimedCalls.ms(calls.median(get(base + e, token), runs)));
        }
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
    }

    static String login(HttpClient http, String base) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"umami\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode j = Json.parse(r.body());
        return j.get("token").asText();
    }

    private static Map<String, String> withPath(Map<String, String> env, String path) {
        Map<String, String> all = new HashMap<>(env);
        all.put("QUERY_PATH", path);
        return all;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        List<String> list = new ArrayList<>(List.of(args));
        for (int i = 0; i + 1 < list.size(); i += 2) m.put(list.get(i).replaceFirst("^--", ""), list.get(i + 1));
        return m;
    }
}
