package io.footfall.store.postgres;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Rows streamed into one table with {@code COPY ... FROM STDIN (FORMAT binary)}: each value goes as the
 * column type's binary form (16 bytes per uuid, 8 per timestamp), so neither side formats or parses text.
 * Measured against the CSV form on the bench's hits: less CPU in the server's shipper and in the PostgreSQL
 * backend (docs/benchmarks.md, "h16-pgingest"). The caller must send every column, in order, with the
 * method of its type ({@link #int2} for smallint, {@link #float8} for double precision...): PostgreSQL
 * rejects a value of the wrong width. Use inside the write's transaction; {@link #finish} ends the copy.
 */
final class BinaryCopyRows {
    private static final int FLUSH_BYTES = 1 << 20;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private final CopyIn copy;
    private final int columns;
    private final Buffer buffer = new Buffer();

    private BinaryCopyRows(CopyIn copy, int columns) {
        this.copy = copy;
        this.columns = columns;
        buffer.write(HEADER, 0, HEADER.length);
    }

    static BinaryCopyRows into(Connection c, String table, String columns) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)");
        return new BinaryCopyRows(copy, columns.split(",").length);
    }

    /** Starts a row (every row has all the columns named at {@link #into}). */
    BinaryCopyRows row() {
        buffer.int16(columns);
        return this;
    }

    private BinaryCopyRows nullValue() {
        buffer.int32(-1);
        return this;
    }

    /** A text value; PostgreSQL text cannot hold NUL characters, so they are dropped. */
    BinaryCopyRows text(String s) {
        if (s == null) return nullValue();
        if (s.indexOf(0) >= 0) s = s.replace("\0", "");
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        buffer.int32(bytes.length);
        buffer.write(bytes, 0, bytes.length);
        return this;
    }

    BinaryCopyRows uuid(UUID id) {
        if (id == null) return nullValue();
        buffer.int32(16);
        buffer.int64(id.getMostSignificantBits());
        buffer.int64(id.getLeastSignificantBits());
        return this;
    }

    /** A smallint; out of its range fails the batch, as PostgreSQL fails such a text value. */
    BinaryCopyRows int2(int n) {
        if (n != (short) n) throw new IllegalArgumentException("out of range for smallint: " + n);
        buffer.int32(2);
        buffer.int16(n);
        return this;
    }

    BinaryCopyRows float8(Double d) {
        if (d == null) return nullValue();
        buffer.int32(8);
        buffer.int64(Double.doubleToLongBits(d));
        return this;
    }

    /** A {@code timestamp} (UTC wall time), truncated to the microsecond as the column keeps it. */
    BinaryCopyRows time(Instant t) {
        if (t == null) return nullValue();
        long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
        buffer.int32(8);
        buffer.int64(micros - PG_EPOCH_MICROS);
        return this;
    }

    /**
     * A {@code numeric}: sign, weight and scale, then base-10000 digits, most significant first; the column's
     * type modifier (e.g. NUMERIC(19,4)) rounds it on the way in, as it does a text value.
     */
    BinaryCopyRows numeric(BigDecimal d) {
        if (d == null) return nullValue();
        int scale = Math.max(d.scale(), 0);
        BigInteger unscaled = d.setScale(scale).unscaledValue();
        boolean negative = unscaled.signum() < 0;
        String digits = unscaled.abs().toString();
        // integer part padded on the left, fraction on the right, both to whole groups of 4 decimal digits
        int intLen = Math.max(digits.length() - scale, 0);
        String intPart = intLen == 0 ? "" : digits.substring(0, intLen);
        String fraction = "0".repeat(Math.max(scale - digits.length(), 0)) + digits.substring(intLen);
        intPart = "0".repeat((4 - intPart.length() % 4) % 4) + intPart;
        fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        String all = intPart + fraction;
        int groups = all.length() / 4;
        int weight = intPart.length() / 4 - 1;
        int first = 0;
        int last = groups;
        while (first < last && all.startsWith("0000", first * 4)) first++;
        while (last > first && all.startsWith("0000", (last - 1) * 4)) last--;
        int ndigits = last - first;
        buffer.int32(8 + 2 * ndigits);
        buffer.int16(ndigits);
        buffer.int16(ndigits == 0 ? 0 : weight - first);
        buffer.int16(negative && ndigits > 0 ? 0x4000 : 0);
        buffer.int16(scale);
        for (int g = first; g < last; g++) buffer.int16(Integer.parseInt(all, g * 4, g * 4 + 4, 10));
        return this;
    }

    /** Ends a row; sends the buffer once it holds about a megabyte. */
    void endRow() throws SQLException {
        if (buffer.size() >= FLUSH_BYTES) flush();
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buffer.bytes(), 0, buffer.size());
        buffer.reset();
    }

    /** Sends what is buffered and the trailer, and ends the copy; returns the rows copied. */
    long finish() throws SQLException {
        try {
            buffer.int16(-1);
            flush();
            return copy.endCopy();
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
    }

    /** A growable byte buffer with big-endian integer writes (network order, as COPY binary wants). */
    private static final class Buffer {
        private byte[] bytes = new byte[64 * 1024]; // grows to about FLUSH_BYTES for large batches
        private int size;

        byte[] bytes() {
            return bytes;
        }

        int size() {
            return size;
        }

        void reset() {
            size = 0;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }

        void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        void int16(int v) {
            ensure(2);
            bytes[size++] = (byte) (v >>> 8);
            bytes[size++] = (byte) v;
        }

        void int32(int v) {
            ensure(4);
            bytes[size++] = (byte) (v >>> 24);
            bytes[size++] = (byte) (v >>> 16);
            bytes[size++] = (byte) (v >>> 8);
            bytes[size++] = (byte) v;
        }

        void int64(long v) {
            int32((int) (v >>> 32));
            int32((int) v);
        }
    }
}
