package io.footfall.store;

/**
 * The hourly rollup's gap totals ({@code hour_gap}, V16): view session-hours counted per hour and the hours
 * since the session's previous hour with views, capped here. The cap is longer than any bucket of the
 * pageviews series (a leap year and a DST hour) and also stands for "no previous hour"; the writer and the
 * series reader must use the same one.
 */
public final class HourGap {
    public static final int CAP = 366 * 24 + 2;

    private HourGap() {
    }
}
