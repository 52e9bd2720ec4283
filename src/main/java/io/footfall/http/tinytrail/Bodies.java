package io.footfall.http.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.http.ApiRequest;
import io.footfall.http.Json;

/** Request bodies: a JSON object, and its fields checked with INVALID_PAYLOAD messages naming the field. */
final class Bodies {
    private Bodies() {
    }

    static JsonNode object(ApiRequest req) {
        JsonNode node;
        try {
            node = Json.parse(req.body());
        } catch (io.footfall.http.ApiException e) {
            if (e.status() == 400) throw TinyTrailException.invalid("Malformed JSON body");
            throw e;
        }
        if (node == null || !node.isObject()) throw TinyTrailException.invalid("Body must be a JSON object");
        return node;
    }

    /** A required non-blank string of at most {@code max} characters, trimmed. */
    static String requiredString(JsonNode body, String field, int max) {
        String s = optionalString(body, field, max);
        if (s == null) throw TinyTrailException.invalid("'" + field + "' is required");
        return s;
    }

    static String optionalString(JsonNode body, String field, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw TinyTrailException.invalid("'" + field + "' must be a string");
        String s = n.asText().trim();
        if (s.isEmpty()) return null;
        if (s.length() > max) throw TinyTrailException.invalid("'" + field + "' must be at most " + max + " characters");
        return s;
    }
}
