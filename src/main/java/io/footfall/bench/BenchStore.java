package io.footfall.bench;

import io.footfall.store.postgres.PostgresUrl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The store a bench's server runs on ({@code --store duckdb|postgresql}). PostgreSQL: the database of
 * {@code DATABASE_URL} when set, else {@code postgresql://postgres@127.0.0.1:5432/footfall_bench}, created when missing.
 */
record BenchStore(String name, String databaseUrl) {
    static final String DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/footfall_bench";

    static BenchStore of(String name) throws SQLException {
        return switch (name) {
            case "duckdb" -> new BenchStore(name, null);
            case "postgresql", "postgres" -> {
                String url = System.getenv("DATABASE_URL");
                if (!PostgresUrl.matches(url)) url = DEFAULT_POSTGRES;
                createIfMissing(PostgresUrl.parse(url));
                yield new BenchStore("postgresql", url);
            }
            default -> throw new IllegalArgumentException("--store: duckdb or postgresql, got " + name);
        };
    }

    /** Environment for the server process. */
    Map<String, String> env() {
        return databaseUrl == null ? Map.of() : Map.of("DATABASE_URL", databaseUrl);
    }

    /** A JDBC connection to the store the server wrote (after it stopped, for DuckDB's file lock). */
    Connection connect(Path dataDir) throws SQLException {
        if (databaseUrl == null) return DriverManager.getConnection("jdbc:duckdb:" + dataDir.resolve("footfall.duckdb"));
        PostgresUrl url = PostgresUrl.parse(databaseUrl);
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }

    private static void createIfMissing(PostgresUrl url) throws SQLException {
        String database = url.display().substring(url.display().lastIndexOf('/') + 1);
        String admin = url.jdbcUrl().replaceFirst("/" + java.util.regex.Pattern.quote(database) + "(\\?|$)", "/postgres$1");
        try (Connection c = DriverManager.getConnection(admin, url.user(), url.password());
             var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (var rs = ps.executeQuery()) {
                if (rs.next()) return;
            }
            try (var st = c.createStatement()) {
                st.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
