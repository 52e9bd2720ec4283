package io.footfall.query;

/**
 * Export cells a spreadsheet would run as a formula get a leading quote, as in Umami's export: visitors
 * control paths, titles, referrers and event data.
 */
public final class SpreadsheetSafe {
    private SpreadsheetSafe() {
    }

    public static String text(String s) {
        if (s == null || s.isEmpty()) return s;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
