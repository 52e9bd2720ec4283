package io.footfall.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A saved segment's filters ({@code {filters: [{name, operator, value}], match}}) as the query-string
 * parameters they stand for, so that {@code segment=<id>} is read exactly as those inline filters would be.
 * As in Umami, the n-th filter of a name is {@code name}, {@code name1}, {@code name2}..., a list value is
 * joined with commas, a segment filter replaces an inline one under the same key, and the segment's
 * {@code match} replaces the request's.
 */
public final class SegmentFilters {
    static final int MAX_FILTERS = 50;

    private final Map<String, String> params;
    private final String match;

    private SegmentFilters(Map<String, String> params, String match) {
        this.params = params;
        this.match = match;
    }

    /**
     * Reads a segment's parameters.
     *
     * @throws QueryException when they are not an object, or a filter lacks a known name, an operator or a value
     */
    public static SegmentFilters of(JsonNode parameters) {
        if (parameters == null || !parameters.isObject()) throw new QueryException("'parameters' must be an object");
        Map<String, String> params = new HashMap<>();
        JsonNode filters = parameters.get("filters");
        if (filters != null && !filters.isNull()) {
            if (!filters.isArray()) throw new QueryException("'parameters.filters' must be an array");
            if (filters.size() > MAX_FILTERS) throw new QueryException("'parameters.filters' holds at most " + MAX_FILTERS + " filters");
            Map<String, Integer> seen = new HashMap<>();
            for (JsonNode f : filters) {
                String name = text(f, "name");
                if (FilterColumns.column(name) == null) throw new QueryException("'parameters.filters': unknown filter '" + name + "'");
                String operator = text(f, "operator");
                if (Operator.fromCode(operator).isEmpty()) throw new QueryException("'parameters.filters': unknown operator '" + operator + "'");
                int n = seen.merge(name, 1, Integer::sum) - 1;
                params.put(n == 0 ? name : name + n, operator + "." + value(f.get("value")));
            }
        }
        JsonNode m = parameters.get("match");
        String match = m == null || m.isNull() ? null : m.asText();
        if (match != null && !match.equals("all") && !match.equals("any")) throw new QueryException("'parameters.match' must be all or any");
        return new SegmentFilters(params, match);
    }

    /**
     * The segment's filters alone, parsed and grouped as a request with only them would be.
     *
     * @throws QueryException for an operator these filters do not take, or an invalid regular expression
     */
    public List<Filter> filters() {
        return alone().filters();
    }

    /** A request with the segment's filters and nothing else (for checks such as {@link EngineRegex#check}). */
    public QueryParams alone() {
        return QueryParams.parse(over(NONE), Instant.EPOCH, Instant.EPOCH);
    }

    /** The request's parameters with the segment's filters (and match) laid over them. */
    public QueryParams.Source over(QueryParams.Source request) {
        return new QueryParams.Source() {
            @Override
            public String get(String name) {
                if (params.containsKey(name)) return params.get(name);
                if (name.equals("match") && match != null) return match;
                return request.get(name);
            }

            @Override
            public Set<String> names() {
                Set<String> all = new LinkedHashSet<>(request.names());
                all.addAll(params.keySet());
                return all;
            }
        };
    }

    private static final QueryParams.Source NONE = new QueryParams.Source() {
        @Override
        public String get(String name) {
            return null;
        }

        @Override
        public Set<String> names() {
            return Set.of();
        }
    };

    private static String text(JsonNode f, String field) {
        JsonNode n = f == null ? null : f.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw new QueryException("'parameters.filters': each filter needs a '" + field + "'");
        }
        return n.asText();
    }

    private static String value(JsonNode v) {
        if (v != null && v.isArray()) {
            StringBuilder s = new StringBuilder();
            for (JsonNode x : v) {
                if (!x.isValueNode() || x.isNull()) throw new QueryException("'parameters.filters': a value list holds strings");
                if (!s.isEmpty()) s.append(',');
                s.append(x.asText());
            }
            return s.toString();
        }
        if (v == null || v.isNull() || !v.isValueNode()) throw new QueryException("'parameters.filters': each filter needs a 'value'");
        return v.asText();
    }
}
