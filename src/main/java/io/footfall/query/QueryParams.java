package io.footfall.query;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The parameters every statistics endpoint shares, parsed and validated once: the range
 * ({@code startAt}/{@code endAt}, epoch ms), bucket unit, time zone, comparison, paging and filters
 * ({@code match=any} ORs them, see {@link #matching}).
 *
 * @param isoUtc     true when buckets print as {@code 2026-11-23T07:00:00Z}: no {@code timezone} given, or
 *                   exactly {@code utc}; any other zone prints local wall time {@code 2026-11-23 07:00:00}
 * @param segment    a segment id the client asked for (resolved by the caller), or null
 * @param cohort     a cohort id the client asked for, or null
 */
public record QueryParams(
        Instant startAt,
        Instant endAt,
        TimeUnit unit,
        ZoneId zone,
        boolean isoUtc,
        boolean timezoneGiven,
        String compare,
        List<Filter> filters,
        String search,
        int limit,
        int offset,
        int page,
        int pageSize,
        UUID segment,
        UUID cohort) {

    public static final int MAX_VALUE_LENGTH = 1000;
    public static final int MAX_LIMIT = 100_000;
    private static final Pattern INDEXED = Pattern.compile("^([A-Za-z]+?)(\\d{1,2})$");

    /** Where query-string values come from; {@code get} returns null for absent or empty values. */
    public interface Source {
        String get(String name);

        Set<String> names();
    }

    /**
     * Parses and validates the request.
     *
     * @throws QueryException for a missing or malformed range, an unknown unit or zone, a bad compare
     *                        value, an over-long value or an invalid regular expression
     */
    public static QueryParams parse(Source q) {
        Instant start = epochMillis(q.get("startAt"), "startAt");
        Instant end = epochMillis(q.get("endAt"), "endAt");
        return parse(q, start, end);
    }

    /** Parses everything but the range, which the caller fixes (realtime, active visitors). */
    public static QueryParams parse(Source q, Instant start, Instant end) {
        String unitRaw = q.get("unit");
        TimeUnit requested = TimeUnit.parse(unitRaw);
        if (unitRaw != null && requested == null) throw new QueryException("'unit' must be one of minute, hour, day, month, year");
        String tz = q.get("timezone");
        ZoneId zone = ZoneOffset.UTC;
        if (tz != null) {
            zone = Zones.find(tz);
            if (zone == null) throw new QueryException("'timezone' is not a known time zone");
        }
        String compare = q.get("compare");
        if (compare != null && !compare.equals("prev") && !compare.equals("yoy")) {
            throw new QueryException("'compare' must be prev or yoy");
        }
        String match = q.get("match");
        if (match != null && !match.equals("all") && !match.equals("any")) {
            throw new QueryException("'match' must be all or any");
        }
        String search = bounded(q.get("search"), "search");
        return new QueryParams(start, end, TimeUnit.choose(requested, start, end), zone,
                tz == null || tz.equals("utc"), tz != null, compare, matching(filters(q), "any".equals(match)), search,
                nonNegative(q.get("limit"), "limit", 500, MAX_LIMIT),
                nonNegative(q.get("offset"), "offset", 0, Integer.MAX_VALUE),
                Math.max(1, nonNegative(q.get("page"), "page", 1, 1_000_000)),
                Math.max(1, nonNegative(q.get("pageSize"), "pageSize", 20, 10_000)),
                optionalUuid(q.get("segment"), "segment"), optionalUuid(q.get("cohort"), "cohort"));
    }

    /** The same request over another range (comparison windows). */
    public QueryParams withRange(Instant start, Instant end) {
        return new QueryParams(start, end, unit, zone, isoUtc, timezoneGiven, compare, filters, search, limit, offset,
                page, pageSize, segment, cohort);
    }

    /** The same request with one more filter (metrics search). */
    public QueryParams withFilter(Filter extra) {
        List<Filter> all = new ArrayList<>(filters);
        all.add(extra);
        return new QueryParams(startAt, endAt, unit, zone, isoUtc, timezoneGiven, compare, List.copyOf(all), search,
                limit, offset, page, pageSize, segment, cohort);
    }

    /** The same request with these filters instead. */
    public QueryParams withFilters(List<Filter> replaced) {
        return new QueryParams(startAt, endAt, unit, zone, isoUtc, timezoneGiven, compare, List.copyOf(replaced), search,
                limit, offset, page, pageSize, segment, cohort);
    }

    /** The same request with this page of rows (limit, offset). */
    public QueryParams withRows(int newLimit, int newOffset) {
        return new QueryParams(startAt, endAt, unit, zone, isoUtc, timezoneGiven, compare, filters, search,
                newLimit, newOffset, page, pageSize, segment, cohort);
    }

    public boolean hasFilter(String name) {
        return filters.stream().anyMatch(f -> f.name().equals(name));
    }

    /**
     * The request's filters as the list every query ANDs: with {@code match=any} and more than one, a single
     * group that ORs them (filters added later, such as a metrics search, are still ANDed).
     */
    public static List<Filter> matching(List<Filter> filters, boolean any) {
        return any && filters.size() > 1 ? List.of(Filter.anyOf(filters)) : filters;
    }

    private static List<Filter> filters(Source q) {
        List<Filter> out = new ArrayList<>();
        for (String key : q.names().stream().sorted().toList()) {
            String name = key;
            String column = FilterColumns.column(key);
            if (column == null) {
                var m = INDEXED.matcher(key);
                if (!m.matches()) continue;
                name = m.group(1);
                column = FilterColumns.column(name);
                if (column == null) continue;
            }
            String raw = q.get(key);
            if (raw == null) continue;
            bounded(raw, key);
            Filter f = Filter.parse(name, column, raw);
            switch (f.operator()) {
                case EQUALS, NOT_EQUALS, CONTAINS, DOES_NOT_CONTAIN, SET, NOT_SET -> {
                }
                case REGEX, NOT_REGEX -> FilterRegex.check(f.value(), key);
                default -> throw new QueryException("'" + key + "': operator '" + f.operator().code()
                        + "' applies only to event and session data");
            }
            out.add(f);
        }
        return List.copyOf(out);
    }

    private static Instant epochMillis(String v, String name) {
        if (v == null) throw new QueryException("'" + name + "' is required (epoch milliseconds)");
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || Math.abs(d) > 8.64e15) throw new NumberFormatException();
            return Instant.ofEpochMilli((long) d);
        } catch (NumberFormatException e) {
            throw new QueryException("'" + name + "' must be a timestamp in epoch milliseconds");
        }
    }

    private static int nonNegative(String v, String name, int fallback, int max) {
        if (v == null) return fallback;
        try {
            long n = Long.parseLong(v);
            if (n < 0) throw new QueryException("'" + name + "' must not be negative");
            return (int) Math.min(n, max);
        } catch (NumberFormatException e) {
            throw new QueryException("'" + name + "' must be a whole number");
        }
    }

    private static UUID optionalUuid(String v, String name) {
        if (v == null) return null;
        UUID id = io.footfall.collect.Uuids.parseCanonical(v);
        if (id == null) throw new QueryException("'" + name + "' must be a UUID");
        return id;
    }

    private static String bounded(String v, String name) {
        if (v != null && v.length() > MAX_VALUE_LENGTH) {
            throw new QueryException("'" + name + "' must be at most " + MAX_VALUE_LENGTH + " characters");
        }
        return v;
    }
}
