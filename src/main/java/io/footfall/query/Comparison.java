package io.footfall.query;

import java.time.Instant;
import java.time.ZoneOffset;

/** The window a comparison reads: the previous window of equal length (whole minutes, as Umami), or last year. */
public final class Comparison {
    private Comparison() {
    }

    public static Instant[] window(String compare, Instant start, Instant end) {
        if ("yoy".equals(compare)) {
            return new Instant[]{start.atZone(ZoneOffset.UTC).minusYears(1).toInstant(),
                    end.atZone(ZoneOffset.UTC).minusYears(1).toInstant()};
        }
        long minutes = (end.toEpochMilli() - start.toEpochMilli()) / 60_000;
        return new Instant[]{start.minusSeconds(minutes * 60), end.minusSeconds(minutes * 60)};
    }
}
