package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.query.QueryException;

/** Reading a report's {@code parameters} object: each mistake a {@link QueryException} with a message (a 400). */
final class ReportInputs {
    private ReportInputs() {
    }

    static String text(JsonNode node, String field, String name) {
        String v = optionalText(node, field, name);
        if (v == null || v.isEmpty()) throw new QueryException("'" + name + "' is required");
        return v;
    }

    static String optionalText(JsonNode node, String field, String name) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new QueryException("'" + name + "' must be a string");
        if (v.asText().length() > Step.MAX_VALUE_LENGTH) {
            throw new QueryException("'" + name + "' must be at most " + Step.MAX_VALUE_LENGTH + " characters");
        }
        return v.asText();
    }

    /** A whole number in [min, max], given as a JSON number or a numeric string. */
    static int wholeNumber(JsonNode node, String field, int min, int max) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) throw new QueryException("'" + field + "' is required");
        long n;
        if (v.isIntegralNumber()) n = v.asLong();
        else if (v.isTextual() && v.asText().matches("-?\\d{1,9}")) n = Long.parseLong(v.asText());
        else throw new QueryException("'" + field + "' must be a whole number");
        if (n < min || n > max) throw new QueryException("'" + field + "' must be between " + min + " and " + max);
        return (int) n;
    }
}
