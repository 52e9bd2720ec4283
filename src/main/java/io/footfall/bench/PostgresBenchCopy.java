package io.footfall.bench;

import io.footfall.store.Migrations;
import io.footfall.store.postgres.PostgresConnections;
import io.footfall.store.postgres.PostgresUrl;
import org.postgresql.PGConnection;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The query bench's data set on PostgreSQL: the DuckDB data set {@link QueryBench#prepare} generated, copied
 * table by table (DuckDB writes CSV, PostgreSQL reads it with COPY) into the bench database, once per data
 * directory and database (a marker file remembers it). Users come along, so the server's admin is the same.
 */
final class PostgresBenchCopy {
    static final List<String> TABLES = List.of("users", "website", "event", "event_data", "session_data");

    private PostgresBenchCopy() {
    }

    static void ensure(Path dir, BenchStore store) throws Exception {
        PostgresUrl url = PostgresUrl.parse(store.databaseUrl());
        Path marker = dir.resolve("query-bench.postgresql");
        if (Files.exists(marker) && Files.readString(marker).trim().equals(url.display())) {
            System.out.println("reusing the PostgreSQL copy in " + url.display());
            return;
        }
        long t0 = System.nanoTime();
        try (PostgresConnections pg = PostgresConnections.open(url, 2)) {
            Migrations.apply(pg, "postgresql");
            pg.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("TRUNCATE " + String.join(", ", TABLES));
                }
                return null;
            });
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("footfall.duckdb"))) {
                for (String table : TABLES) {
                    List<String> columns = pg.read(c -> columns(c, table));
                    Path csv = Files.createTempFile("footfall-bench-" + table, ".csv");
                    try {
                        try (Statement st = duck.createStatement()) {
                            st.execute("COPY (SELECT " + String.join(", ", columns) + " FROM " + table + ") TO '" + csv + "' (FORMAT csv, HEADER false)");
                        }
                        long rows = pg.write(c -> {
                            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                                return c.unwrap(PGConnection.class).getCopyAPI()
                                        .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)", in);
                            } catch (java.io.IOException e) {
                                throw new java.sql.SQLException(e);
                            }
                        });
                        System.out.printf("copied %,d rows of %s%n", rows, table);
                    } finally {
                        Files.deleteIfExists(csv);
                    }
                }
            }
            // The copy wrote events without the store's writer: the accelerator's rollups are filled from them.
            pg.write(c -> {
                io.footfall.accelerate.postgres.SpanRows.rebuildAll(c);
                return null;
            });
            pg.read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("ANALYZE");
                }
                return null;
            });
        }
        Files.writeString(marker, url.display());
        System.out.printf("PostgreSQL copy ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static List<String> columns(Connection c, String table) throws java.sql.SQLException {
        List<String> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                + "AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position")) { // generated (V9 channel): PostgreSQL's own
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }
}
