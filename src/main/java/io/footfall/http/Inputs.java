package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/** Validation of request fields with the client-facing 400 messages. */
public final class Inputs {
    private Inputs() {
    }

    /** A required, non-blank string of at most {@code max} characters. */
    public static String requiredString(JsonNode body, String field, int max) {
        String s = optionalString(body, field, max);
        if (s == null || s.isBlank()) throw ApiException.badRequest("'" + field + "' is required");
        return s;
    }

    /** A string or null/absent; other JSON types are a 400. */
    public static String optionalString(JsonNode body, String field, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw ApiException.badRequest("'" + field + "' must be a string");
        String s = n.asText();
        if (s.length() > max) throw ApiException.badRequest("'" + field + "' must be at most " + max + " characters");
        return s;
    }

    public static UUID optionalUuid(JsonNode body, String field) {
        String s = optionalString(body, field, 36);
        return s == null ? null : uuid(s, field);
    }

    public static UUID uuid(String s, String field) {
        UUID u = parseUuid(s);
        if (u == null) throw ApiException.badRequest("'" + field + "' must be a UUID");
        return u;
    }

    /** A canonical 8-4-4-4-12 ASCII UUID, or null (see {@link io.footfall.collect.Uuids#parseCanonical}). */
    public static UUID parseUuid(String s) {
        return io.footfall.collect.Uuids.parseCanonical(s);
    }

    /** A positive integer query parameter with a default and an upper bound. */
    public static int positiveInt(ApiRequest req, String name, int fallback, int max) {
        String v = req.query(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n < 1) throw ApiException.badRequest("'" + name + "' must be at least 1");
            return Math.min(n, max);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be a whole number");
        }
    }

    public static boolean flag(ApiRequest req, String name) {
        String v = req.query(name);
        return v != null && (v.equals("true") || v.equals("1"));
    }
}
