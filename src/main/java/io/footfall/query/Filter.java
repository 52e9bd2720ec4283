package io.footfall.query;

import java.util.List;

/**
 * One filter on an event column: {@code name} as the client spelled it (without an index suffix),
 * the column it reads, the operator and its values (several only for equality operators).
 */
public record Filter(String name, String column, Operator operator, List<String> values) {

    /** Parses a query-string value the way Umami does: an optional {@code op.} prefix, comma lists for eq/neq. */
    public static Filter parse(String name, String column, String raw) {
        Operator op = Operator.EQUALS;
        String value = raw;
        int dot = raw.indexOf('.');
        if (dot > 0) {
            var prefixed = Operator.fromCode(raw.substring(0, dot));
            if (prefixed.isPresent()) {
                op = prefixed.get();
                value = raw.substring(dot + 1);
            }
        }
        List<String> values = op.takesList() ? List.of(value.split(",", -1)) : List.of(value);
        return new Filter(name, column, op, values);
    }

    public String value() {
        return values.getFirst();
    }
}
