package io.footfall.query;

import io.footfall.store.EventStore;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an export's rows oldest first, a chunk at a time, each chunk one short read whose rows are handed on
 * after the connection is back in the pool: an export holds one chunk in memory and never holds a
 * connection while a slow client reads.
 *
 * <p>A chunk is the first {@code chunkRows} rows, in key order (time first), of a time window that starts
 * at the previous chunk's last key (keyset paging). The window, not the whole rest of the range, is what a
 * read sorts, so each read costs about one chunk however long the export: a full chunk halves the next
 * window, a window that runs dry doubles it (sparse hours pass quickly).
 *
 * <p>Cells come out as Umami's export prints them: ISO timestamps with milliseconds, numbers as stored,
 * null as an empty cell, text a spreadsheet would run as a formula quoted ({@link SpreadsheetSafe}).
 */
public final class ExportChunks {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final Duration FIRST_WINDOW = Duration.ofHours(1);
    private static final Duration SMALLEST_WINDOW = Duration.ofSeconds(1);
    /** A year: a range that starts long before the data (from 0, say) reaches it in a few dozen empty reads. */
    private static final Duration LARGEST_WINDOW = Duration.ofDays(366);

    /** Receives each row's cells in column order (null for an empty cell). */
    @FunctionalInterface
    public interface RowSink {
        void row(List<String> cells) throws java.io.IOException;
    }

    /**
     * The rows of one window: those with time in {@code [from, to)} ({@code to} included when {@code last}) and,
     * when {@code after} is set, a key after it.
     */
    record Window(Instant from, Object[] after, Instant to, boolean last) {
        /** This window's conditions over a time column and the key columns after it (each starting with " AND "). */
        SqlText condition(String time, String... keys) {
            SqlText s = new SqlText().add(" AND " + time + " >= ? AND " + time + (last ? " <= ?" : " < ?"), from, to);
            if (after == null) return s;
            // (time, k1, k2, ...) > (t, a1, a2, ...), given time >= t.
            s.add(" AND (" + time + " > ?", from);
            for (int i = 0; i < keys.length; i++) {
                s.add(" OR (");
                for (int j = 0; j < i; j++) s.add(keys[j] + " = ? AND ", after[j + 1]);
                s.add(keys[i] + " > ?)", after[i + 1]);
            }
            return s.add(")");
        }
    }

    /** One read's result: how many rows it scanned (the chunk), the last scanned key, and the rows to export. */
    record Chunk(int scanned, Object[] lastKey, List<List<String>> rows) {
    }

    /** Reads one chunk of a window, at most {@code limit} rows in key order. */
    @FunctionalInterface
    interface ChunkReader {
        Chunk read(Connection c, Window window, int limit) throws SQLException;
    }

    private ExportChunks() {
    }

    /** Streams every chunk of {@code [start, end]}, {@code chunkRows} rows a read, to {@code sink}. */
    static void stream(EventStore store, Instant start, Instant end, int chunkRows, ChunkReader reader, RowSink sink)
            throws SQLException, java.io.IOException {
        int limit = chunkRows;
        Duration window = FIRST_WINDOW;
        Instant from = start;
        Object[] after = null;
        while (!from.isAfter(end)) {
            Instant to = from.plus(window);
            boolean last = !to.isBefore(end);
            Window w = new Window(from, after, last ? end : to, last);
            Chunk chunk = store.read(c -> reader.read(c, w, limit));
            for (List<String> row : chunk.rows()) sink.row(row);
            if (chunk.scanned() >= limit) {
                after = chunk.lastKey();
                from = ((LocalDateTime) after[0]).toInstant(ZoneOffset.UTC);
                window = max(SMALLEST_WINDOW, window.dividedBy(2));
            } else {
                if (last) return;
                from = to;
                after = null;
                window = min(LARGEST_WINDOW, window.multipliedBy(2));
            }
        }
    }

    /**
     * A reader for one query whose last {@code keyCount} columns are the key (time first) and not exported;
     * {@code query} renders the query for a window, ordered by the key, without its LIMIT.
     */
    static ChunkReader single(java.util.function.Function<Window, SqlText> query, int keyCount) {
        return (c, window, limit) -> {
            List<Object[]> raw = query.apply(window).add(" LIMIT " + limit).list(c, ExportChunks::raw);
            List<List<String>> rows = new ArrayList<>(raw.size());
            for (Object[] r : raw) rows.add(cells(r, r.length - keyCount));
            Object[] lastKey = raw.isEmpty() ? null : Arrays.copyOfRange(raw.getLast(), raw.getLast().length - keyCount, raw.getLast().length);
            return new Chunk(raw.size(), lastKey, rows);
        };
    }

    static Object[] raw(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Object[] row = new Object[md.getColumnCount()];
        for (int i = 0; i < row.length; i++) {
            Object v = rs.getObject(i + 1);
            row[i] = v instanceof java.sql.Timestamp t ? t.toLocalDateTime() : v;
        }
        return row;
    }

    static List<String> cells(Object[] row, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(cell(row[i]));
        return out;
    }

    static String cell(Object v) {
        return switch (v) {
            case null -> null;
            case LocalDateTime t -> ISO_MILLIS.format(t.truncatedTo(ChronoUnit.MILLIS));
            case BigDecimal d -> d.toPlainString();
            case Double d -> d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue()) : d.toString();
            case String s -> SpreadsheetSafe.text(s);
            default -> v.toString();
        };
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
