package io.footfall.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one text form of an instant: ISO-8601 UTC with milliseconds, as the APIs write dates and date data is kept. */
public final class IsoTime {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private IsoTime() {
    }

    public static String millis(Instant value) {
        return ISO_MILLIS.format(value.truncatedTo(ChronoUnit.MILLIS));
    }
}
