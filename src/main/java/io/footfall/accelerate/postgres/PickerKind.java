package io.footfall.accelerate.postgres;

import io.footfall.event.Event;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A filter column whose picker values ({@code /values}) {@link PickerValues} answers from {@code value_day} (V29): its code
 * in {@code value_day.kind}, the event column, the value an event row {@code e} counts for in SQL (NULL or '' when none) and
 * the same from an {@link Event} for the writer. V29's fill lists the same codes and expressions.
 */
record PickerKind(short code, String column, String sql, Function<Event, String> value) {

    /** The reference's referrer rule: not the page's own host without www. (no host: not counted). */
    static final String REFERRER_SQL = "CASE WHEN e.referrer_domain <> regexp_replace(e.hostname, '^www\\.', '') THEN e.referrer_domain END";

    static final List<PickerKind> ALL = List.of(
            plain(1, "url_path", e -> e.page().urlPath()),
            new PickerKind((short) 2, "referrer_domain", REFERRER_SQL, PickerKind::referrer),
            plain(3, "hostname", e -> e.page().hostname()),
            plain(4, "distinct_id", e -> e.session().distinctId()),
            plain(5, "page_title", e -> e.page().pageTitle()),
            plain(6, "url_query", e -> e.page().urlQuery()),
            plain(7, "os", e -> e.session().os()),
            plain(8, "browser", e -> e.session().browser()),
            plain(9, "device", e -> e.session().device()),
            plain(10, "country", e -> e.session().country()),
            plain(11, "region", e -> e.session().region()),
            plain(12, "city", e -> e.session().city()),
            plain(13, "language", e -> e.session().language()),
            plain(14, "event_name", Event::eventName),
            plain(15, "tag", e -> e.page().tag()),
            plain(16, "utm_source", e -> e.campaign().utmSource()),
            plain(17, "utm_medium", e -> e.campaign().utmMedium()),
            plain(18, "utm_campaign", e -> e.campaign().utmCampaign()),
            plain(19, "utm_content", e -> e.campaign().utmContent()),
            plain(20, "utm_term", e -> e.campaign().utmTerm()),
            plain(21, "screen", e -> e.session().screen()));

    private static final Map<String, PickerKind> BY_COLUMN = ALL.stream().collect(Collectors.toUnmodifiableMap(PickerKind::column, k -> k));

    private static PickerKind plain(int code, String column, Function<Event, String> value) {
        return new PickerKind((short) code, column, "e." + column, value);
    }

    /** The kind of an event column, or null. */
    static PickerKind ofColumn(String column) {
        return BY_COLUMN.get(column);
    }

    /** The event's value as stored (NUL characters dropped, as the binary COPY does), or null when it counts for none. */
    String of(Event e) {
        String v = ValueKind.stored(value.apply(e));
        return v == null || v.isEmpty() ? null : v;
    }

    private static String referrer(Event e) {
        String r = ValueKind.stored(e.referrer().domain()), h = ValueKind.stored(e.page().hostname());
        if (r == null || h == null) return null;
        return r.equals(h.startsWith("www.") ? h.substring(4) : h) ? null : r;
    }

    /** One {@code (code, expression)} row per kind, for {@code CROSS JOIN LATERAL (VALUES ...) AS k(kind, value)}. */
    static String valuesList() {
        return ALL.stream().map(k -> "(" + k.code() + "::int2, " + k.sql() + ")").collect(Collectors.joining(", "));
    }
}
