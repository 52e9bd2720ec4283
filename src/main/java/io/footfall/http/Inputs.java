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

    /** A canonical 8-4-4-4-12 UUID, or null. Java's parser accepts shorter forms, so check the shape first. */
    public static UUID parseUuid(String s) {
        if (s == null || s.length() != 36) return null;
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) return null;
        }
        return UUID.fromString(s);
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
