package io.footfall.store.postgres;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Rows streamed into one table with {@code COPY ... FROM STDIN (FORMAT csv)}: no SQL parsed per row, one
 * round trip per megabyte. CSV tells NULL (nothing) from the empty string ({@code ""}), so both survive.
 * Use inside the write's transaction; {@link #finish} ends the copy.
 */
final class CopyRows {
    private static final int FLUSH_BYTES = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 4096);
    private boolean rowStarted;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    static CopyRows into(Connection c, String table, String columns) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)");
        return new CopyRows(copy);
    }

    private void separate() {
        if (rowStarted) buffer.append(',');
        rowStarted = true;
    }

    /** A text value; PostgreSQL text cannot hold NUL characters, so they are dropped. */
    CopyRows text(String s) {
        separate();
        if (s == null) return this;
        buffer.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') buffer.append("\"\"");
            else if (ch != 0) buffer.append(ch);
        }
        buffer.append('"');
        return this;
    }

    CopyRows uuid(UUID id) {
        separate();
        if (id != null) buffer.append(id);
        return this;
    }

    CopyRows number(long n) {
        separate();
        buffer.append(n);
        return this;
    }

    CopyRows number(Double d) {
        separate();
        if (d != null) buffer.append(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : d.toString());
        return this;
    }

    CopyRows number(BigDecimal d) {
        separate();
        if (d != null) buffer.append(d.toPlainString());
        return this;
    }

    /** A UTC wall-time timestamp, to the microsecond as the column keeps it. */
    CopyRows time(Instant t) {
        separate();
        if (t != null) buffer.append(LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        return this;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        rowStarted = false;
        if (buffer.length() >= FLUSH_BYTES) flush();
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Sends what is buffered and ends the copy; returns the rows copied. */
    long finish() throws SQLException {
        try {
            if (!buffer.isEmpty()) flush();
            return copy.endCopy();
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
    }
}
