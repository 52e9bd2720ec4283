package io.footfall.accelerate.postgres;

import io.footfall.query.QueryParams;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The whole UTC hours inside a request's inclusive range, {@code [start, end)}: those a rollup of hours answers.
 * The rest of the range (at most an hour's part at each edge) is read from events. An hour is whole when its last
 * microsecond (the stored precision) is not after the range's end.
 */
record WholeHours(Instant start, Instant end) {

    /** Null when the range holds no whole hour. */
    static WholeHours of(QueryParams params) {
        Instant from = params.startAt();
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        if (start.isBefore(from)) start = start.plus(Duration.ofHours(1));
        Instant end = params.endAt().plus(1, ChronoUnit.MICROS).truncatedTo(ChronoUnit.HOURS);
        return start.isBefore(end) ? new WholeHours(start, end) : null;
    }
}
