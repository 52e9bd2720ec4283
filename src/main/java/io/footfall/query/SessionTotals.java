package io.footfall.query;

/** The sessions page totals: rows tracked (custom events included), sessions, visits, countries, custom events. */
public record SessionTotals(long pageviews, long visitors, long visits, long countries, long events) {
}
