package io.footfall.query;

import io.footfall.store.EventStore;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads an export's rows in key order, a chunk at a time: each chunk is one short read that resumes after
 * the last key of the one before (keyset paging), and its rows are handed on after the connection is
 * back in the pool. So an export holds at most one chunk in memory and never holds a connection while a
 * slow client reads. Values come out as Umami's export prints them: ISO timestamps with milliseconds,
 * numbers as stored, null as an empty cell.
 */
final class ExportChunks {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    /** Rows per read; a system property lets tests cross chunk boundaries with little data. */
    static int chunkRows() {
        return Math.max(1, Integer.getInteger("footfall.exportChunkRows", 5_000));
    }

    /** Receives each row's cells in column order (null for an empty cell). */
    @FunctionalInterface
    public interface RowSink {
        void row(List<String> cells) throws java.io.IOException;
    }

    private ExportChunks() {
    }

    /**
     * Runs {@code chunk(cursor)} until a chunk comes back short. {@code chunk} gets null first, then the key
     * values (the last {@code keyCount} columns of the previous chunk's last row, which are not exported)
     * and must order by those keys and stop after {@link #chunkRows()} rows.
     */
    static void stream(EventStore store, Function<Object[], SqlText> chunk, int keyCount, RowSink sink)
            throws SQLException, java.io.IOException {
        int limit = chunkRows();
        Object[] cursor = null;
        while (true) {
            SqlText sql = chunk.apply(cursor).add(" LIMIT " + limit);
            List<Object[]> rows = store.read(c -> sql.list(c, ExportChunks::raw));
            for (Object[] row : rows) sink.row(cells(row, row.length - keyCount));
            if (rows.size() < limit) return;
            Object[] last = rows.getLast();
            cursor = java.util.Arrays.copyOfRange(last, last.length - keyCount, last.length);
        }
    }

    private static Object[] raw(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Object[] row = new Object[md.getColumnCount()];
        for (int i = 0; i < row.length; i++) {
            Object v = rs.getObject(i + 1);
            row[i] = v instanceof java.sql.Timestamp t ? t.toLocalDateTime() : v;
        }
        return row;
    }

    private static List<String> cells(Object[] row, int count) {
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
}
