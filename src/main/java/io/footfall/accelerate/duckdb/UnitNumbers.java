package io.footfall.accelerate.duckdb;

/**
 * Small numbers for visits and sessions (V44: {@code visit_number}, {@code session_number}), numbered 1, 2, ... per
 * website in order of first view. The value rollups ({@code visit_value_<kind>}, {@code session_value_<kind>}) key their
 * rows by these 4-byte numbers instead of the 16-byte random ids, which no compression shrinks: the value rollups hold
 * most rows of the store. A number is given once and kept (a re-ship keeps it; only a website reset or a whole rebuild
 * empties the table).
 */
record UnitNumbers(String table, String key, String column) {
    static final UnitNumbers VISITS = new UnitNumbers("visit_number", "visit_id", "visit_num");
    static final UnitNumbers SESSIONS = new UnitNumbers("session_number", "session_id", "session_num");

    /**
     * Numbers the units of {@code source} (rows with website_id, the key and created_at; alias-free) that have no number
     * yet: after the website's last number, in order of their first row there.
     */
    String assign(String source) {
        return "INSERT INTO " + table + " SELECT n.website_id, n." + key + ", (coalesce(m.last, 0) + row_number() OVER "
                + "(PARTITION BY n.website_id ORDER BY n.f, n." + key + "))::INTEGER FROM (SELECT s.website_id, s." + key
                + ", min(s.created_at) AS f FROM (" + source + ") s WHERE NOT EXISTS (SELECT 1 FROM " + table + " k "
                + "WHERE k.website_id = s.website_id AND k." + key + " = s." + key + ") GROUP BY 1, 2) n "
                + "LEFT JOIN (SELECT website_id, max(num) AS last FROM " + table + " GROUP BY 1) m ON m.website_id = n.website_id ORDER BY 1, 3";
    }

    /** {@code source}'s rows (alias e) with their unit's number as {@link #column}; the units must be numbered. */
    String numbered(String source) {
        return "SELECT e.*, k.num AS " + column + " FROM (" + source + ") e JOIN " + table + " k ON k.website_id = e.website_id AND k."
                + key + " = e." + key;
    }

    /** A condition on rows (alias {@code alias}) carrying {@link #column}: their unit is one of those {@code units} names. */
    String named(Narrowing units, String alias) {
        return "EXISTS (SELECT 1 FROM " + table + " k WHERE k.website_id = " + alias + ".website_id AND k.num = " + alias + "." + column
                + " AND " + units.in("k." + key) + ")";
    }
}
