package io.footfall.tinytrail.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The whole UTC days a TinyTrail report covers, both ends included: events from {@code start} 00:00:00 UTC up to,
 * not including, the day after {@code end}.
 */
public record ReportPeriod(LocalDate start, LocalDate end) {
    public ReportPeriod {
        if (end.isBefore(start)) throw new IllegalArgumentException("end before start");
    }

    /** The first instant counted. */
    public Instant startAt() {
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant no longer counted (midnight after {@code end}). */
    public Instant endBefore() {
        return end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** As many days, ending the day before this period starts. */
    public ReportPeriod previous() {
        return new ReportPeriod(start.minusDays(days()), start.minusDays(1));
    }

    /** The same dates one year earlier (29 February becomes the 28th). */
    public ReportPeriod yearBefore() {
        return new ReportPeriod(start.minusYears(1), end.minusYears(1));
    }

    /** {@code YYYY-MM-DD to YYYY-MM-DD}, as the summary's {@code comparison}. */
    public String text() {
        return start + " to " + end;
    }
}
