package io.footfall.query;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Time-bucket units and real Umami 3.1's rule for widening them: minute up to 60 minutes, hour up to 30
 * whole days, day up to 6 calendar months (so ranges of almost 7), month up to 24, year beyond. A requested
 * unit finer than the range allows is replaced by the finest allowed one. (The 48-hour limit seen in Umami's
 * dashboard belongs to its date picker, not to the API.)
 */
public enum TimeUnit {
    MINUTE, HOUR, DAY, MONTH, YEAR;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a client's unit; null for anything else. */
    public static TimeUnit parse(String s) {
        if (s == null) return null;
        return switch (s) {
            case "minute" -> MINUTE;
            case "hour" -> HOUR;
            case "day" -> DAY;
            case "month" -> MONTH;
            case "year" -> YEAR;
            default -> null;
        };
    }

    /** The finest unit Umami allows for the range. */
    public static TimeUnit minimum(Instant start, Instant end) {
        Duration d = Duration.between(start, end);
        if (d.toMinutes() <= 60) return MINUTE;
        if (d.toDays() <= 30) return HOUR;
        long months = calendarMonths(start, end);
        if (months <= 6) return DAY;
        if (months <= 24) return MONTH;
        return YEAR;
    }

    /** The requested unit when the range allows it, else the minimum (a year minimum still allows month). */
    public static TimeUnit choose(TimeUnit requested, Instant start, Instant end) {
        TimeUnit min = minimum(start, end);
        TimeUnit floor = min == YEAR ? MONTH : min;
        if (requested != null && requested.compareTo(floor) >= 0) return requested;
        return min;
    }

    private static long calendarMonths(Instant start, Instant end) {
        var s = start.atZone(ZoneOffset.UTC);
        var e = end.atZone(ZoneOffset.UTC);
        return (e.getYear() - s.getYear()) * 12L + (e.getMonthValue() - s.getMonthValue());
    }

    static final List<TimeUnit> ALL = List.of(values());

    ChronoUnit chrono() {
        return switch (this) {
            case MINUTE -> ChronoUnit.MINUTES;
            case HOUR -> ChronoUnit.HOURS;
            case DAY -> ChronoUnit.DAYS;
            case MONTH -> ChronoUnit.MONTHS;
            case YEAR -> ChronoUnit.YEARS;
        };
    }
}
