package io.footfall.query;

import java.util.Optional;

/**
 * Umami's filter operators as they appear in query strings ({@code path=c./blog}). Equality operators
 * take a comma list; the others take the rest of the value as one string.
 */
public enum Operator {
    EQUALS("eq"),
    NOT_EQUALS("neq"),
    SET("s"),
    NOT_SET("ns"),
    CONTAINS("c"),
    DOES_NOT_CONTAIN("dnc"),
    REGEX("re"),
    NOT_REGEX("nre"),
    // Umami accepts these prefixes everywhere but they only mean something for typed event/session data.
    TRUE("t"),
    FALSE("f"),
    GREATER_THAN("gt"),
    LESS_THAN("lt"),
    GREATER_THAN_EQUALS("gte"),
    LESS_THAN_EQUALS("lte"),
    BEFORE("bf"),
    AFTER("af");

    private final String code;

    Operator(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean takesList() {
        return this == EQUALS || this == NOT_EQUALS;
    }

    public static Optional<Operator> fromCode(String code) {
        for (Operator o : values()) {
            if (o.code.equals(code)) return Optional.of(o);
        }
        return Optional.empty();
    }
}
