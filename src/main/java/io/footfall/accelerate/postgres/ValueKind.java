package io.footfall.accelerate.postgres;

import io.footfall.event.Event;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A per-view value whose metrics {@link SessionValueMetrics} answers from {@code session_value} (V21): its
 * code in {@code session_value_extra.kind}, its columns in {@code session_value} ({@code <column>}, {@code _first},
 * {@code _last}), the metric types it answers, and the value a view carries as the reference groups it: SQL over an
 * event row {@code e} (NULL or '' when the view does not count) and, for the writer, the same from the {@link Event}.
 */
record ValueKind(short code, String column, List<String> types, String sql, Function<Event, String> value) {

    /** The referrer metric's rule: not empty (checked with every value), not the page's host with or without www. */
    static final String REFERRER_SQL = "CASE WHEN e.referrer_domain <> e.hostname AND e.referrer_domain <> regexp_replace(e.hostname, '^www\\.', '') "
            + "THEN e.referrer_domain END";

    /** In code order; the migration (V21) lists the same columns and expressions. Channel: the writer asks {@link Channel}. */
    static final List<ValueKind> ALL = List.of(
            new ValueKind((short) 1, "hostname", List.of("hostname"), "e.hostname", e -> e.page().hostname()),
            new ValueKind((short) 2, "referrer", List.of("referrer", "domain"), REFERRER_SQL, ValueKind::referrer),
            new ValueKind((short) 3, "channel", List.of("channel"), "e.channel", null),
            new ValueKind((short) 4, "query", List.of("query"), "e.url_query", e -> e.page().urlQuery()),
            new ValueKind((short) 5, "tag", List.of("tag"), "e.tag", e -> e.page().tag()),
            new ValueKind((short) 6, "utm_source", List.of("utmSource"), "e.utm_source", e -> e.campaign().utmSource()),
            new ValueKind((short) 7, "utm_medium", List.of("utmMedium"), "e.utm_medium", e -> e.campaign().utmMedium()),
            new ValueKind((short) 8, "utm_campaign", List.of("utmCampaign"), "e.utm_campaign", e -> e.campaign().utmCampaign()),
            new ValueKind((short) 9, "utm_content", List.of("utmContent"), "e.utm_content", e -> e.campaign().utmContent()),
            new ValueKind((short) 10, "utm_term", List.of("utmTerm"), "e.utm_term", e -> e.campaign().utmTerm()),
            new ValueKind((short) 11, "title", List.of("title"), "e.page_title", e -> e.page().pageTitle()),
            new ValueKind((short) 12, "path", List.of("path"), "e.url_path", e -> e.page().urlPath()));

    private static final Map<String, ValueKind> BY_TYPE = ALL.stream()
            .flatMap(k -> k.types().stream().map(t -> Map.entry(t, k)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    /** The kind a metric type reads, or null. */
    static ValueKind ofType(String type) {
        return BY_TYPE.get(type);
    }

    /** The view's value as stored (NUL characters dropped, as the binary COPY does), or null when it does not count. */
    String of(Event e, Map<List<String>, String> channels) {
        String v = value == null ? channels.get(Channel.inputs(e)) : stored(value.apply(e));
        return v == null || v.isEmpty() ? null : v;
    }

    private static String referrer(Event e) {
        String r = stored(e.referrer().domain()), h = stored(e.page().hostname());
        if (r == null || h == null || r.equals(h) || r.equals(h.startsWith("www.") ? h.substring(4) : h)) return null;
        return r;
    }

    static String stored(String s) {
        return s == null || s.indexOf(0) < 0 ? s : s.replace("\0", "");
    }
}
