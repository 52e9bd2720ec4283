package io.footfall.query;

/** Custom-event totals: events, sessions and visits with them, distinct event names. */
public record EventTotals(long events, long visitors, long visits, long uniqueEvents) {
}
