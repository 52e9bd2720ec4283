package io.footfall.tinytrail.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The metrics {@code GET /api/v1/reports/timeseries} plots. Counts are summed over the day's rows or visits;
 * rates ({@code bounce_rate} in percent, {@code avg_session_duration} in seconds) are the day's average over its
 * visits, with 2 decimals.
 */
public enum TimeseriesMetric {
    VISITS(false),
    PAGEVIEWS(false),
    UNIQUE_PAGEVIEWS(false),
    BOUNCE_RATE(true),
    AVG_SESSION_DURATION(true),
    LANDING_PAGE_ENTRIES(false),
    EXIT_PAGE_EXITS(false);

    private final boolean rate;

    TimeseriesMetric(boolean rate) {
        this.rate = rate;
    }

    /** Whether the day's value is an average (a decimal) rather than a sum (a whole number). */
    public boolean rate() {
        return rate;
    }

    /** The name the API uses, e.g. {@code unique_pageviews}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TimeseriesMetric> parse(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName().equals(name)).findFirst();
    }

    /** The accepted names, comma-separated, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(TimeseriesMetric::apiName).collect(Collectors.joining(", "));
    }
}
