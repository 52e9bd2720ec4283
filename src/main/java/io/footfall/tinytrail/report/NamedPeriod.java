package io.footfall.tinytrail.report;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * TinyTrail's {@code period} names as whole UTC days ending today (the document's sample: {@code 7d} is
 * 2026-02-23 to 2026-03-01, seven days with today the last). {@code 12m} starts the day after the same date a
 * year ago, {@code ytd} on 1 January, {@code all} on the day of the website's first event (today without one).
 */
public enum NamedPeriod {
    YESTERDAY("yesterday"), TODAY("today"), D7("7d"), D30("30d"), D90("90d"), M12("12m"), YTD("ytd"), ALL("all");

    public static final NamedPeriod DEFAULT = D7;

    private final String code;

    NamedPeriod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The days this name covers when today (UTC) is {@code today}; {@code firstDay} is asked only for {@code all}. */
    public ReportPeriod days(LocalDate today, Supplier<LocalDate> firstDay) {
        return switch (this) {
            case YESTERDAY -> new ReportPeriod(today.minusDays(1), today.minusDays(1));
            case TODAY -> new ReportPeriod(today, today);
            case D7 -> new ReportPeriod(today.minusDays(6), today);
            case D30 -> new ReportPeriod(today.minusDays(29), today);
            case D90 -> new ReportPeriod(today.minusDays(89), today);
            case M12 -> new ReportPeriod(today.minusYears(1).plusDays(1), today);
            case YTD -> new ReportPeriod(today.withDayOfYear(1), today);
            case ALL -> {
                LocalDate first = firstDay.get();
                yield new ReportPeriod(first == null || first.isAfter(today) ? today : first, today);
            }
        };
    }

    /** The value for a parameter text, or null when it names none. */
    public static NamedPeriod of(String code) {
        for (NamedPeriod p : values()) {
            if (p.code.equals(code)) return p;
        }
        return null;
    }
}
