package io.footfall.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the report queries share. */
final class Reports {
    /** Rows a report reads: pageviews, custom events, link and pixel hits — never web-vitals rows. */
    static final String REPORTABLE = "e.event_type IN (1, 2, 3, 4)";
    static final String PAGEVIEWS = "e.event_type = 1";

    private Reports() {
    }

    /** A decimal sum as a JSON number (0 for none); doubles print as 49.5, not 49.5000 or 4E+1. */
    static double amount(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? 0 : v.doubleValue();
    }
}
