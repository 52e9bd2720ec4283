package io.footfall.accelerate.postgres;

import org.postgresql.core.BaseConnection;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * One array parameter of a rollup writer in PostgreSQL's binary array form (16 bytes per uuid, 8 per timestamp), as
 * {@code BinaryCopyRows} writes the events: the driver's {@code createArrayOf} builds a text literal (each timestamp
 * formatted, each uuid printed and quoted) that the backend then parses again, the shipper's largest cost per batch
 * (docs/benchmarks.md, "h27-pgingest"). The element type follows the values: {@link UUID}, {@link SpanRows.Micros}
 * (a timestamp), {@link String}, {@link Boolean}, or an integer of the declared {@code int2}/{@code int4}; a column of
 * only NULLs goes as the declared type, which the statement's cast ({@code ?::timestamp[]}) converts.
 */
final class BinaryArray extends PGobject implements PGBinaryObject {
    /** Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private enum Element {
        UUID("uuid", 2950, 2951), TIMESTAMP("timestamp", 1114, 1115), TEXT("text", 25, 1009), BOOL("bool", 16, 1000),
        INT2("int2", 21, 1005), INT4("int4", 23, 1007);

        final String name;
        final int oid;
        final int arrayOid;

        Element(String name, int oid, int arrayOid) {
            this.name = name;
            this.oid = oid;
            this.arrayOid = arrayOid;
        }
    }

    private final byte[] bytes;

    private BinaryArray(Element element, byte[] bytes) {
        this.type = element.name + "[]";
        this.bytes = bytes;
    }

    /** Binds {@code values} as parameter {@code index} (1-based); {@code declared} names the type when every value is NULL. */
    static void bind(Connection c, PreparedStatement ps, int index, List<?> values, String declared) throws SQLException {
        Element element = elementOf(values, declared);
        // The driver sends a PGBinaryObject in binary only for the array types it is told to; uuid[] and timestamp[] are
        // not among its defaults. Only parameters bound as this class are affected.
        c.unwrap(BaseConnection.class).getQueryExecutor().addBinarySendOid(element.arrayOid);
        ps.setObject(index, new BinaryArray(element, encode(element, values)));
    }

    private static Element elementOf(List<?> values, String declared) {
        for (Object v : values) {
            if (v == null) continue;
            if (v instanceof UUID) return Element.UUID;
            if (v instanceof SpanRows.Micros) return Element.TIMESTAMP;
            if (v instanceof String) return Element.TEXT;
            if (v instanceof Boolean) return Element.BOOL;
            if (v instanceof Number) return declared.equals("int2") ? Element.INT2 : Element.INT4;
            throw new IllegalArgumentException("no binary array element for " + v.getClass());
        }
        for (Element e : Element.values()) {
            if (e.name.equals(declared)) return e;
        }
        throw new IllegalArgumentException("no binary array element type " + declared);
    }

    private static byte[] encode(Element element, List<?> values) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(24 + values.size() * 20);
            DataOutputStream out = new DataOutputStream(buffer);
            boolean nulls = false;
            for (Object v : values) nulls |= v == null; // not contains(null): List.of throws on it
            out.writeInt(values.isEmpty() ? 0 : 1); // dimensions
            out.writeInt(nulls ? 1 : 0);
            out.writeInt(element.oid);
            if (!values.isEmpty()) {
                out.writeInt(values.size());
                out.writeInt(1); // lower bound
            }
            for (Object v : values) {
                if (v == null) {
                    out.writeInt(-1);
                    continue;
                }
                switch (element) {
                    case UUID -> {
                        UUID id = (UUID) v;
                        out.writeInt(16);
                        out.writeLong(id.getMostSignificantBits());
                        out.writeLong(id.getLeastSignificantBits());
                    }
                    case TIMESTAMP -> {
                        out.writeInt(8);
                        out.writeLong(((SpanRows.Micros) v).value() - PG_EPOCH_MICROS);
                    }
                    case TEXT -> {
                        // PostgreSQL text cannot hold NUL: dropped, as the binary COPY of the events drops them.
                        String s = (String) v;
                        if (s.indexOf(0) >= 0) s = s.replace("\0", "");
                        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                        out.writeInt(utf8.length);
                        out.write(utf8);
                    }
                    case BOOL -> {
                        out.writeInt(1);
                        out.writeByte((Boolean) v ? 1 : 0);
                    }
                    case INT2 -> {
                        int n = ((Number) v).intValue();
                        if (n != (short) n) throw new IllegalArgumentException("out of range for smallint: " + n);
                        out.writeInt(2);
                        out.writeShort(n);
                    }
                    case INT4 -> {
                        out.writeInt(4);
                        out.writeInt(((Number) v).intValue());
                    }
                }
            }
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Never sent as text: a driver that would (binary send off for the type) fails the batch instead of binding NULL. */
    @Override
    public String getValue() {
        throw new IllegalStateException("a binary array parameter has no text form");
    }

    @Override
    public void setByteValue(byte[] value, int offset) {
        throw new UnsupportedOperationException("a parameter only");
    }

    @Override
    public int lengthInBytes() {
        return bytes.length;
    }

    @Override
    public void toBytes(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }
}
