package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.query.QueryException;
import io.footfall.query.QueryParams;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A report request body ({@code {websiteId, type, filters, parameters{startDate, endDate, timezone, unit, ...}}})
 * turned into the statistics routes' {@link QueryParams}: the dates (ISO text or epoch milliseconds) become the
 * range, {@code filters} go through the same parsing as query-string filters (so {@code eq.}, {@code c.},
 * {@code match=any}, indexed names all work), {@code timezone} and {@code unit} bucket the series.
 */
public final class ReportQuery {
    private ReportQuery() {
    }

    /**
     * The body as the query-string parameters it stands for (unparsed, so that a caller can lay a
     * {@code segment}'s filters over them first).
     *
     * @throws QueryException for missing or malformed dates, or filters that are not strings
     */
    public static QueryParams.Source source(JsonNode body) {
        JsonNode parameters = parameters(body);
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode filters = body.get("filters");
        if (filters != null && !filters.isNull()) {
            if (!filters.isObject()) throw new QueryException("'filters' must be an object");
            filters.properties().forEach(e -> {
                String v = filterValue(e.getKey(), e.getValue());
                if (v != null && !v.isEmpty()) values.put(e.getKey(), v);
            });
        }
        Instant start = date(parameters, "startDate");
        Instant end = date(parameters, "endDate");
        if (end.isBefore(start)) throw new QueryException("'endDate' must not be before 'startDate'");
        values.put("startAt", Long.toString(start.toEpochMilli()));
        values.put("endAt", Long.toString(end.toEpochMilli()));
        for (String key : new String[]{"timezone", "unit"}) {
            String v = ReportInputs.optionalText(parameters, key, key);
            if (v != null && !v.isEmpty()) values.put(key, v);
        }
        return new QueryParams.Source() {
            @Override
            public String get(String name) {
                return values.get(name);
            }

            @Override
            public Set<String> names() {
                return values.keySet();
            }
        };
    }

    /** The {@code parameters} object (an empty one when absent). */
    public static JsonNode parameters(JsonNode body) {
        JsonNode p = body.get("parameters");
        if (p == null || p.isNull()) return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (!p.isObject()) throw new QueryException("'parameters' must be an object");
        return p;
    }

    private static String filterValue(String key, JsonNode v) {
        if (v.isNull()) return null;
        if (v.isTextual() || v.isNumber() || v.isBoolean()) return v.asText();
        if (v.isArray()) {
            StringBuilder s = new StringBuilder();
            for (JsonNode item : v) {
                if (!item.isValueNode()) throw new QueryException("'filters." + key + "' must hold strings");
                s.append(s.isEmpty() ? "" : ",").append(item.asText());
            }
            return s.toString();
        }
        throw new QueryException("'filters." + key + "' must be a string");
    }

    private static Instant date(JsonNode parameters, String field) {
        JsonNode v = parameters.get(field);
        if (v == null || v.isNull()) throw new QueryException("'parameters." + field + "' is required (ISO date or epoch milliseconds)");
        try {
            if (v.isNumber()) return Instant.ofEpochMilli(checked(v.asLong()));
            if (v.isTextual() && v.asText().matches("-?\\d{1,16}")) return Instant.ofEpochMilli(checked(Long.parseLong(v.asText())));
            if (v.isTextual()) return Instant.parse(v.asText());
        } catch (DateTimeParseException | ArithmeticException e) {
            // falls through to the message below
        }
        throw new QueryException("'parameters." + field + "' must be an ISO date such as 2025-10-19T07:00:00.000Z or epoch milliseconds");
    }

    private static long checked(long ms) {
        if (Math.abs(ms) > 8_640_000_000_000_000L / 1000) throw new ArithmeticException();
        return ms;
    }
}
