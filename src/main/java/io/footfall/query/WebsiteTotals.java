package io.footfall.query;

/** Totals of views over a range: pageviews, visitors (sessions), visits, bounces and totaltime (seconds), as {@code /stats} shows them. */
public record WebsiteTotals(long pageviews, long visitors, long visits, long bounces, long totaltime) {
    public static final WebsiteTotals ZERO = new WebsiteTotals(0, 0, 0, 0, 0);
}
