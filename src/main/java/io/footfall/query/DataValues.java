package io.footfall.query;

import io.footfall.store.Dialect;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How typed event and session data values read back, as Umami prints them: numbers as their text with
 * a {@code .0000} fraction dropped ({@code "40"}, {@code "3.1416"}), dates truncated to the hour
 * ({@code "2026-01-02 13:00:00"}), everything else as stored.
 */
public final class DataValues {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00:00");

    private DataValues() {
    }

    /**
     * The four columns a value is grouped by: its type, string, number and, for dates, the hour (no number is
     * printed per row). Read them back with {@link #display(ResultSet, int)}.
     */
    public static String groupColumns(Dialect dialect, String alias) {
        return alias + ".data_type, " + alias + ".string_value, " + alias + ".number_value, CASE WHEN " + alias + ".data_type = 4 THEN "
                + dialect.truncate("hour", alias + ".date_value") + " END";
    }

    /** The display text (never null) of the value whose {@link #groupColumns} start at column {@code first}. */
    public static String display(ResultSet rs, int first) throws SQLException {
        int type = rs.getInt(first);
        if (type == 4) {
            LocalDateTime hour = rs.getObject(first + 3, LocalDateTime.class);
            return hour == null ? "" : HOUR.format(hour);
        }
        String text = rs.getString(first + 1);
        if (text == null) {
            BigDecimal n = rs.getBigDecimal(first + 2);
            text = n == null ? null : n.toPlainString(); // as the engine prints a DECIMAL(19,4): all four places
        }
        if (text == null) return "";
        return type == 2 ? number(text) : text;
    }

    /** A stored number's text without the {@code .0000} of whole numbers. */
    static String number(String text) {
        return text == null ? null : text.replace(".0000", "");
    }

    /** A DECIMAL(19,4) as the shortest exact JSON number ({@code 40}, {@code 19.99}). */
    static BigDecimal decimal(BigDecimal n) {
        if (n == null) return null;
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
