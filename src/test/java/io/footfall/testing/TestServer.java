package io.footfall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.FootfallServer;
import io.footfall.config.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Footfall started in-process on a random port with its own temporary data directory,
 * plus a real HTTP client. Tests talk to it over HTTP and may read the store with SQL.
 */
public final class TestServer implements AutoCloseable {
    private final FootfallServer server;
    private final Path dataDir;
    private final Map<String, String> env;
    private final HttpClientForTests http;
    private String adminToken;

    private TestServer(FootfallServer server, Path dataDir, Map<String, String> env) {
        this.server = server;
        this.dataDir = dataDir;
        this.env = env;
        this.http = new HttpClientForTests(baseUrl());
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** Starts with extra environment settings (e.g. IGNORE_IP). */
    public static TestServer start(Map<String, String> extraEnv) {
        try {
            return start(Files.createTempDirectory("footfall-test"), extraEnv);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts on an existing data directory (restart tests). */
    public static TestServer start(Path dataDir, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("HOSTNAME", "127.0.0.1");
        env.put("PORT", "0");
        env.put("DATA_DIR", dataDir.toString());
        env.put("FOLD_IDLE_SECONDS", "0"); // tests keep the tails they build
        if (Backend.current() == Backend.POSTGRESQL && !extraEnv.containsKey("DATABASE_URL")) {
            env.put("DATABASE_URL", PostgresTestDatabase.urlFor(dataDir));
        }
        // QUERY_PATH=reference in the test run's environment: the same tests against the raw-events reference path.
        String queryPath = System.getenv("QUERY_PATH");
        if (queryPath != null) env.put("QUERY_PATH", queryPath);
        env.putAll(extraEnv);
        try {
            return new TestServer(FootfallServer.start(Settings.from(env)), dataDir, env);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start Footfall for a test", e);
        }
    }

    /**
     * The store's environment for a server on {@code dataDir} started some other way (a {@code ServerProcess}):
     * DATABASE_URL of the data directory's database on PostgreSQL, nothing on DuckDB.
     */
    public static Map<String, String> storeEnv(Path dataDir) {
        return Backend.current() == Backend.POSTGRESQL ? Map.of("DATABASE_URL", PostgresTestDatabase.urlFor(dataDir)) : Map.of();
    }

    /** Starts on PostgreSQL with a fresh database, whatever {@link Backend#current()} says. */
    public static TestServer startPostgres() {
        return startPostgres(Map.of());
    }

    /** Starts on PostgreSQL with a fresh database and extra environment settings. */
    public static TestServer startPostgres(Map<String, String> extraEnv) {
        try {
            Path dir = Files.createTempDirectory("footfall-test");
            Map<String, String> env = new HashMap<>(extraEnv);
            env.putIfAbsent("DATABASE_URL", PostgresTestDatabase.urlFor(dir));
            return start(dir, env);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops this server and starts another on the same data directory (and database) with {@code changes} over
     * this one's environment; a blank value unsets a variable. For a part of a test with other start settings,
     * such as the query options ({@code QUERY_MAX_LISTED_EDGES=0}, ...), on the data built so far.
     */
    public TestServer restart(Map<String, String> changes) {
        close();
        Map<String, String> next = new HashMap<>(env);
        next.putAll(changes);
        return start(dataDir, next);
    }

    /** The backend this server runs on ({@code duckdb} or {@code postgresql}). */
    public String backend() {
        return server.stores().backend();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + server.settings().basePath();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Map<String, String> env() {
        return env;
    }

    public FootfallServer server() {
        return server;
    }

    public HttpClientForTests http() {
        return http;
    }

    /** A token for the default admin, logged in once per server. */
    public String adminToken() {
        if (adminToken == null) {
            var res = http.post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"umami\"}", null);
            if (res.status() != 200) throw new IllegalStateException("admin login failed: " + res.status() + " " + res.body());
            adminToken = res.json().get("token").asText();
        }
        return adminToken;
    }

    /** Creates a website as admin over HTTP and returns its id. */
    public String createWebsite(String name, String domain) {
        var res = http.post("/api/websites", "{\"name\":" + quote(name) + ",\"domain\":" + quote(domain) + "}", adminToken());
        if (res.status() != 200) throw new IllegalStateException("create website failed: " + res.status() + " " + res.body());
        JsonNode json = res.json();
        return json.get("id").asText();
    }

    /** Creates an account as admin over HTTP ({@code POST /api/users}) and returns its id. */
    public String createUser(String username, String password, String role) {
        var res = http.post("/api/users", "{\"username\":" + quote(username) + ",\"password\":" + quote(password)
                + ",\"role\":" + quote(role) + "}", adminToken());
        if (res.status() != 200) throw new IllegalStateException("create user failed: " + res.status() + " " + res.body());
        return res.json().get("id").asText();
    }

    /** Logs in over HTTP and returns the token. */
    public String login(String username, String password) {
        var res = http.post("/api/auth/login", "{\"username\":" + quote(username) + ",\"password\":" + quote(password) + "}", null);
        if (res.status() != 200) throw new IllegalStateException("login failed: " + res.status() + " " + res.body());
        return res.json().get("token").asText();
    }

    /** Creates a website over HTTP as the holder of {@code token} and returns its id. */
    public String createWebsite(String token, String name, String domain) {
        var res = http.post("/api/websites", "{\"name\":" + quote(name) + ",\"domain\":" + quote(domain) + "}", token);
        if (res.status() != 200) throw new IllegalStateException("create website failed: " + res.status() + " " + res.body());
        return res.json().get("id").asText();
    }

    /** Runs read-only SQL on the event store; rows as column-name maps in select order. */
    public List<Map<String, Object>> query(String sql, Object... args) {
        try {
            return server.stores().events().read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                    try (ResultSet rs = ps.executeQuery()) {
                        ResultSetMetaData md = rs.getMetaData();
                        List<Map<String, Object>> rows = new ArrayList<>();
                        while (rs.next()) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            for (int i = 1; i <= md.getColumnCount(); i++) {
                                // SMALLINT as Short on every backend (PostgreSQL's driver answers Integer), so tests compare alike
                                Object v = md.getColumnType(i) == java.sql.Types.SMALLINT && rs.getObject(i) != null ? rs.getShort(i) : rs.getObject(i);
                                row.put(md.getColumnLabel(i), v);
                            }
                            rows.add(row);
                        }
                        return rows;
                    }
                }
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single number from SQL such as {@code SELECT count(*) ...}. */
    public long count(String sql, Object... args) {
        Object v = query(sql, args).getFirst().values().iterator().next();
        return ((Number) v).longValue();
    }

    /** Appends hits straight through the event store, as one batch (what the ingest queue does). */
    public void append(io.footfall.event.CollectedHit... hits) {
        try {
            server.stores().events().append(new ArrayList<>(List.of(hits)));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Folds what the rollups do not hold yet into them. */
    public void fold() {
        try {
            io.footfall.store.FoldingStore.foldPending(server.stores().events());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET {@code /api/websites/<site>/<pathAndQuery>} as admin; asserts 200 and returns the body. */
    public JsonNode websiteJson(String site, String pathAndQuery) {
        var res = http().get("/api/websites/" + site + "/" + pathAndQuery, adminToken());
        if (res.status() != 200) throw new AssertionError(pathAndQuery + " -> " + res.status() + " " + res.body());
        return res.json();
    }

    /** {@code startAt=..&endAt=..} for two instants, e.g. {@code range("2026-03-07T10:00:00Z", ...)}. */
    public static String range(String from, String to) {
        return "startAt=" + java.time.Instant.parse(from).toEpochMilli() + "&endAt=" + java.time.Instant.parse(to).toEpochMilli();
    }

    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        server.close();
    }
}
