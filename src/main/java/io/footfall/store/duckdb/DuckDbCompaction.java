package io.footfall.store.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rewrites a DuckDB store into a new file ({@code ./footfall compact}, server stopped). DuckDB reuses the blocks
 * that deletes and rewrites free but never gives them back, and keeps the compression each block was written
 * with: a copy into a fresh file holds only live rows, written with today's compression choices
 * ({@link DuckDbConnections#storageSettings}). The copy is checked table by table (row counts) before the swap;
 * the old file is kept as {@code <file>.bak} until the compacted one has been opened and counted again.
 */
public final class DuckDbCompaction {
    /** What a compaction did: bytes before and after, and the rows of every table (equal in both files). */
    public record Result(long bytesBefore, long bytesAfter, Map<String, Long> rows) {
    }

    private DuckDbCompaction() {
    }

    /**
     * Compacts {@code file} in place. Fails without touching it when another process holds the store (a running
     * server), when the copy's counts differ, or when anything goes wrong before the swap.
     *
     * @param memoryLimit DuckDB's memory limit for the copy (e.g. {@code 1GB}); it spills to {@code <file>.tmp}
     */
    public static Result compact(Path file, String memoryLimit, int threads) throws SQLException, IOException {
        Path source = file.toAbsolutePath();
        if (!Files.isRegularFile(source)) throw new IOException("no DuckDB store at " + source);
        Path copy = sibling(source, ".compact");
        Path backup = sibling(source, ".bak");
        if (Files.exists(backup)) {
            throw new IOException(backup + " exists (a compaction that did not finish?): check it and remove it first");
        }
        Files.deleteIfExists(copy);
        Files.deleteIfExists(sibling(copy, ".wal"));
        long before = Files.size(source);
        Map<String, Long> rows;
        try {
            rows = copyInto(source, copy, memoryLimit, threads);
        } catch (SQLException | RuntimeException e) {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(sibling(copy, ".wal"));
            throw e;
        }
        if (Files.exists(sibling(source, ".wal")) || Files.exists(sibling(copy, ".wal"))) {
            Files.deleteIfExists(copy);
            throw new IOException("a write-ahead file remained after closing; the store was left as it was");
        }
        Files.move(source, backup, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(copy, source, StandardCopyOption.ATOMIC_MOVE);
            Map<String, Long> reopened;
            try (Connection c = open(source, memoryLimit, threads); Statement st = c.createStatement()) {
                reopened = counts(c, single(st, "SELECT current_database()"));
            }
            if (!reopened.equals(rows)) throw new IOException("the compacted store counts " + reopened + ", expected " + rows);
        } catch (SQLException | IOException | RuntimeException e) {
            Files.deleteIfExists(sibling(source, ".wal"));
            Files.move(backup, source, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            throw e;
        }
        Files.delete(backup);
        return new Result(before, Files.size(source), rows);
    }

    /** Copies every table, view, index and sequence of {@code source} into a new file; returns the checked counts. */
    private static Map<String, Long> copyInto(Path source, Path copy, String memoryLimit, int threads) throws SQLException {
        try (Connection c = open(source, memoryLimit, threads); Statement st = c.createStatement()) {
            String db = single(st, "SELECT current_database()");
            st.execute("CHECKPOINT"); // a write-ahead file left by a crash is in the source's blocks from here
            Map<String, Long> rows = counts(c, db);
            st.execute("ATTACH '" + copy.toString().replace("'", "''") + "' AS compacted");
            st.execute("COPY FROM DATABASE \"" + db.replace("\"", "\"\"") + "\" TO compacted");
            Map<String, Long> copied = counts(c, "compacted");
            if (!copied.equals(rows)) throw new SQLException("the copy counts " + copied + ", the store " + rows);
            st.execute("CHECKPOINT compacted");
            st.execute("DETACH compacted");
            return rows;
        }
    }

    private static Connection open(Path file, String memoryLimit, int threads) throws SQLException {
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:" + file);
        } catch (SQLException e) {
            throw new SQLException("cannot open " + file + " (stop the server first): " + e.getMessage(), e);
        }
        try (Statement st = c.createStatement()) {
            DuckDbConnections.storageSettings(st);
            st.execute("SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
            st.execute("SET threads = " + threads);
            // insertion order kept (the default): rows stay in time order, so the copy's zone maps and runs are the source's
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Rows of every base table of one attached database, by name. */
    static Map<String, Long> counts(Connection c, String database) throws SQLException {
        Map<String, Long> tables = new TreeMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = '"
                     + database.replace("'", "''") + "' AND NOT internal AND NOT temporary")) {
            while (rs.next()) tables.put(rs.getString(1) + "." + rs.getString(2), 0L);
        }
        try (Statement st = c.createStatement()) {
            for (var e : tables.entrySet()) {
                String[] name = e.getKey().split("\\.", 2);
                e.setValue(Long.parseLong(single(st, "SELECT count(*) FROM \"" + database + "\".\"" + name[0] + "\".\"" + name[1] + "\"")));
            }
        }
        return tables;
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
