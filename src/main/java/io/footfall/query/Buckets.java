package io.footfall.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How a bucket start prints: {@code 2026-11-23T07:00:00Z} for UTC requests, local {@code 2026-11-23 07:00:00} otherwise. */
public final class Buckets {
    private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Buckets() {
    }

    static String format(LocalDateTime bucketStart, boolean isoUtc) {
        return (isoUtc ? ISO_UTC : LOCAL).format(bucketStart);
    }

    public static String read(ResultSet rs, int column, boolean isoUtc) throws SQLException {
        return format(rs.getObject(column, LocalDateTime.class), isoUtc);
    }
}
