package io.footfall.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The UTC days lying wholly inside a range, which the day-summed rollups can answer for. */
final class WholeDays {
    private WholeDays() {
    }

    /** [first midnight, end) of those days; empty (first not before end) when there are none. */
    static Instant[] of(QueryParams p) {
        Instant first = p.startAt().truncatedTo(ChronoUnit.DAYS);
        if (first.isBefore(p.startAt())) first = first.plus(1, ChronoUnit.DAYS);
        Instant end = p.endAt().plusNanos(1_000).truncatedTo(ChronoUnit.DAYS); // the range's end is inclusive, events carry microseconds
        return new Instant[]{first, end};
    }
}
