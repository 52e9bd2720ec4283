package io.footfall.query;

import java.util.List;

/**
 * One filter on an event column: {@code name} as the client spelled it (without an index suffix),
 * the column it reads, the operator and its values (several only for equality operators). Or, for
 * {@code match=any}, a group of filters of which a row must pass any ({@link #anyOf}); or a cohort's
 * sessions ({@link #cohort}).
 */
public record Filter(String name, String column, Operator operator, List<String> values, List<Filter> anyOf, Cohort cohort) {

    /** Name and column of a group: no rollup carries them, so every read path that checks its filters' columns reads events. */
    static final String ANY_OF = "(any of)";
    /** Name and column of a cohort: likewise on no rollup's column, so reads with a cohort take the event rows. */
    static final String COHORT = "(cohort)";

    public Filter(String name, String column, Operator operator, List<String> values) {
        this(name, column, operator, values, List.of(), null);
    }

    public Filter(String name, String column, Operator operator, List<String> values, List<Filter> anyOf) {
        this(name, column, operator, values, anyOf, null);
    }

    /** Keeps the rows of the cohort's sessions; ANDed with the other filters whatever {@code match} says, as in Umami. */
    public static Filter cohort(Cohort cohort) {
        return new Filter(COHORT, COHORT, Operator.EQUALS, List.of(), List.of(), cohort);
    }

    /**
     * The filters joined with OR (Umami's {@code match=any}): a row passes when it passes any of them. Each
     * applies per event row, session attributes included, so the group reads the event rows.
     */
    public static Filter anyOf(List<Filter> filters) {
        return new Filter(ANY_OF, ANY_OF, Operator.EQUALS, List.of(), List.copyOf(filters));
    }

    public boolean isGroup() {
        return !anyOf.isEmpty();
    }

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
