package io.footfall.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cohort: the sessions with an event in {@code [start, end]} that passes every condition (Umami's cohort
 * join: the action, {@code path} or {@code event} equal to its value, ANDed with the cohort's own filters,
 * those ORed among themselves under {@code match=any}). Performance rows never make a session a member.
 * A query with {@code cohort=<id>} keeps only rows of these sessions ({@link Filter#cohort}).
 */
public record Cohort(Instant start, Instant end, List<Filter> conditions) {
    private static final Instant ALL_END = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final Pattern RELATIVE = Pattern.compile("^(\\d{1,4})(hour|day|week|month|year)$");
    private static final Pattern RANGE = Pattern.compile("^range:(-?\\d{1,16}):(-?\\d{1,16})$");

    /**
     * Reads a cohort's parameters {@code {action: {type, value}, dateRange, filters, match}}; a relative
     * date range is taken back from {@code now} (UTC).
     *
     * @throws QueryException when the action, the date range or a filter is missing or malformed
     */
    public static Cohort of(JsonNode parameters, Instant now) {
        SegmentFilters own = SegmentFilters.of(parameters);
        JsonNode action = parameters.get("action");
        if (action == null || !action.isObject()) throw new QueryException("'parameters.action' is required for a cohort");
        String type = action.path("type").isTextual() ? action.get("type").asText() : null;
        String column = type == null ? null : FilterColumns.column(type);
        if (column == null) throw new QueryException("'parameters.action.type' must be a filter name such as path or event");
        JsonNode value = action.get("value");
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new QueryException("'parameters.action.value' is required for a cohort");
        }
        if (value.asText().length() > QueryParams.MAX_VALUE_LENGTH) throw new QueryException("'parameters.action.value' is too long");
        JsonNode range = parameters.get("dateRange");
        if (range == null || !range.isTextual()) throw new QueryException("'parameters.dateRange' is required for a cohort");
        Instant[] window = dateRange(range.asText(), now);

        List<Filter> conditions = new ArrayList<>(own.filters());
        // The action is always ANDed (Umami's cohort_actionName), and, like any equality filter, a comma list.
        conditions.add(Filter.parse(type, column, "eq." + value.asText()));
        return new Cohort(window[0], window[1], List.copyOf(conditions));
    }

    /**
     * Umami's date range values: {@code all}, {@code range:<startMs>:<endMs>}, or {@code <n><unit>}: the
     * current unit and the n - 1 before it ({@code 0day} today, {@code 7day}, {@code 24hour}, {@code 0week}
     * from Sunday, {@code 6month}, ...), up to the end of the current unit.
     */
    static Instant[] dateRange(String value, Instant now) {
        // Umami's "all" is the epoch's first millisecond, which would make every cohort empty: all time instead.
        if (value.equals("all")) return new Instant[]{Instant.EPOCH, ALL_END};
        Matcher r = RANGE.matcher(value);
        if (r.matches()) {
            Instant start = Instant.ofEpochMilli(Long.parseLong(r.group(1)));
            Instant end = Instant.ofEpochMilli(Long.parseLong(r.group(2)));
            if (end.isBefore(start)) throw new QueryException("'parameters.dateRange' ends before it starts");
            return new Instant[]{start, end};
        }
        Matcher m = RELATIVE.matcher(value);
        if (!m.matches()) throw new QueryException("'parameters.dateRange' must be all, range:<start>:<end> or a count and unit such as 30day");
        int n = Integer.parseInt(m.group(1));
        int back = Math.max(n - 1, 0);
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        ZonedDateTime start;
        ZonedDateTime next;
        switch (m.group(2)) {
            case "hour" -> {
                ZonedDateTime h = t.truncatedTo(ChronoUnit.HOURS);
                start = h.minusHours(back);
                next = h.plusHours(1);
            }
            case "day" -> {
                ZonedDateTime d = t.truncatedTo(ChronoUnit.DAYS);
                start = d.minusDays(back);
                next = d.plusDays(1);
            }
            case "week" -> {
                ZonedDateTime w = t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).atStartOfDay(ZoneOffset.UTC);
                start = w.minusWeeks(back);
                next = w.plusWeeks(1);
            }
            case "month" -> {
                ZonedDateTime mo = LocalDate.of(t.getYear(), t.getMonth(), 1).atStartOfDay(ZoneOffset.UTC);
                start = mo.minusMonths(back);
                next = mo.plusMonths(1);
            }
            default -> {
                ZonedDateTime y = LocalDate.of(t.getYear(), 1, 1).atStartOfDay(ZoneOffset.UTC);
                start = y.minusYears(back);
                next = y.plusYears(1);
            }
        }
        return new Instant[]{start.toInstant(), next.toInstant().minusMillis(1)};
    }
}
