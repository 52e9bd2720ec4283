package io.footfall.accelerate.postgres;

import io.footfall.query.MetricType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The metric types {@code session_value_span} (V13) keeps, each under a small-integer code, and the value and
 * condition each one groups by: {@link MetricType}'s own expression, type condition and extra conditions (the
 * reference's), so the rows count exactly what the reference counts. {@code domain} is {@code referrer}'s rows (the
 * same expression and conditions); {@code channel} reads the channel stored per row (V9).
 */
final class ValueKinds {
    /** Codes are stored: append only, never renumber. */
    private static final List<String> NAMES = List.of("path", "referrer", "hostname", "title", "query", "tag",
            "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm", "channel",
            "browser", "os", "device", "screen", "language", "country", "region", "city", "distinctId", "event");
    private static final Map<String, String> ALIASES = Map.of("domain", "referrer");
    private static final Pattern ALIAS_E = Pattern.compile("\\be\\.");

    /** A kind: its code, the value expression over alias {@code e} and the condition an event must meet to count. */
    record Kind(int code, MetricType type, String value, String condition) {
        /** Region and city rows carry their country, as the reference's rows do. */
        boolean withCountry() {
            return type.carriesCountry();
        }

        /** {@code type=event} counts events; the others count distinct sessions. */
        boolean countsEvents() {
            return type.countsEvents();
        }

        String valueOver(String alias) {
            return ALIAS_E.matcher(value).replaceAll(alias + ".");
        }

        String conditionOver(String alias) {
            return ALIAS_E.matcher(condition).replaceAll(alias + ".");
        }
    }

    static final Map<String, Kind> BY_NAME = new LinkedHashMap<>();

    static {
        for (int i = 0; i < NAMES.size(); i++) {
            MetricType t = MetricType.of(NAMES.get(i));
            String value = t.expression().replace("c.x", "e.channel");
            String condition = t.typeCondition() + t.extraWhere().replace("c.x", "e.channel");
            BY_NAME.put(t.name(), new Kind(i + 1, t, value, condition));
        }
    }

    private ValueKinds() {
    }

    /** The kind answering this metric type, or null when the rows do not keep it. */
    static Kind of(MetricType type) {
        return BY_NAME.get(ALIASES.getOrDefault(type.name(), type.name()));
    }

    /**
     * The rows of the events {@code from} and {@code where} give (the event table under alias {@code e}): per website,
     * kind, present value (and country) and session — first time, hour of the last time, and the count of events for
     * {@code type=event} (0 for the others, which count sessions: so a hit inside a row's hour changes nothing).
     */
    static String rowsOf(String from, String where) {
        StringBuilder values = new StringBuilder();
        for (Kind k : BY_NAME.values()) {
            if (!values.isEmpty()) values.append(", ");
            values.append("(").append(k.code()).append(", ").append(k.value()).append(", ")
                    .append(k.withCountry() ? "e.country" : "NULL").append(", ").append(k.condition()).append(")");
        }
        return "SELECT e.website_id, k.kind, k.x AS value, k.country, e.session_id, min(e.created_at) AS first_at, "
                + "date_trunc('hour', max(e.created_at)) AS last_hour, (CASE WHEN k.kind = " + BY_NAME.get("event").code()
                + " THEN count(*) ELSE 0 END)::int AS events "
                + from + " CROSS JOIN LATERAL (VALUES " + values + ") AS k(kind, x, country, counted) "
                + "WHERE " + where + " AND k.counted AND " + MetricType.present("k.x") + " GROUP BY 1, 2, 3, 4, 5";
    }
}
