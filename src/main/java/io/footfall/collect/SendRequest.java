package io.footfall.collect;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A validated {@code POST /api/send} body: {@code {type, payload}} with exactly one of
 * website / link / pixel, field limits as Umami's schema, and web vitals for `performance`.
 * {@code cache} is the visit token in the body: Footfall's tracker sends it there instead of the
 * {@code x-umami-cache} header so its requests never need a CORS preflight.
 */
public record SendRequest(
        String type,
        UUID websiteId,
        UUID linkId,
        UUID pixelId,
        String hostname,
        String language,
        String referrer,
        String screen,
        String title,
        String url,
        String name,
        String tag,
        String distinctId,
        String ip,
        String userAgent,
        Instant timestamp,
        JsonNode data,
        Double lcp, Double inp, Double cls, Double fcp, Double ttfb,
        String cache) {

    public static final String EVENT = "event";
    public static final String IDENTIFY = "identify";
    public static final String PERFORMANCE = "performance";
    private static final long MAX_FUTURE_SECONDS = 24 * 3600;

    public UUID sourceId() {
        return websiteId != null ? websiteId : linkId != null ? linkId : pixelId;
    }

    public static SendRequest parse(JsonNode body) {
        if (!body.isObject()) throw new InvalidHit("Body must be a JSON object");
        JsonNode typeNode = body.get("type");
        if (typeNode == null || !typeNode.isTextual()) throw new InvalidHit("'type' is required");
        String type = typeNode.asText();
        if (!type.equals(EVENT) && !type.equals(IDENTIFY) && !type.equals(PERFORMANCE)) {
            throw new InvalidHit("'type' must be one of event, identify, performance");
        }
        JsonNode p = body.get("payload");
        if (p == null || !p.isObject()) throw new InvalidHit("'payload' must be an object");

        UUID website = uuid(p, "website");
        UUID link = uuid(p, "link");
        UUID pixel = uuid(p, "pixel");
        int sources = (website != null ? 1 : 0) + (link != null ? 1 : 0) + (pixel != null ? 1 : 0);
        if (sources != 1) throw new InvalidHit("'payload' must contain exactly one of website, link, pixel");

        JsonNode data = p.get("data");
        if (data != null && !data.isNull() && !data.isObject()) throw new InvalidHit("'data' must be an object");
        if (data != null) checkNumbers(data, "data");

        return new SendRequest(type, website, link, pixel,
                optionalString(p, "hostname", 100),
                optionalString(p, "language", 35),
                optionalString(p, "referrer", 4000),
                optionalString(p, "screen", 11),
                optionalString(p, "title", 4000),
                optionalString(p, "url", 4000),
                optionalString(p, "name", 50),
                optionalString(p, "tag", 50),
                optionalString(p, "id", 50),
                optionalString(p, "ip", 64),
                optionalString(p, "userAgent", 1000),
                timestamp(p),
                data == null || data.isNull() ? null : data,
                vital(p, "lcp"), vital(p, "inp"), vital(p, "cls"), vital(p, "fcp"), vital(p, "ttfb"),
                optionalString(body, "cache", 2000));
    }

    private static UUID uuid(JsonNode p, String field) {
        JsonNode n = p.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new InvalidHit("'" + field + "' must be a UUID string");
        UUID u = Uuids.parseCanonical(n.asText());
        if (u == null) throw new InvalidHit("'" + field + "' must be a UUID");
        return u;
    }

    /** A string or null/absent; other JSON types, or more than {@code max} characters, make the hit invalid. */
    private static String optionalString(JsonNode body, String field, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new InvalidHit("'" + field + "' must be a string");
        String s = n.asText();
        if (s.length() > max) throw new InvalidHit("'" + field + "' must be at most " + max + " characters");
        return s;
    }

    private static Instant timestamp(JsonNode p) {
        JsonNode n = p.get("timestamp");
        if (n == null || n.isNull()) return null;
        long seconds;
        if (n.isIntegralNumber() && n.canConvertToLong()) seconds = n.asLong();
        else if (n.isTextual() && n.asText().matches("\\d{1,12}")) seconds = Long.parseLong(n.asText());
        else throw new InvalidHit("'timestamp' must be whole seconds since the epoch");
        long now = Instant.now().getEpochSecond();
        if (seconds < 946_684_800L || seconds > now + MAX_FUTURE_SECONDS) {
            throw new InvalidHit("'timestamp' is out of range");
        }
        return Instant.ofEpochSecond(seconds);
    }

    /**
     * Rejects numbers a double cannot hold ({@code 1e400}, {@code -1e999}, 400-digit integers) anywhere in
     * {@code data}: JSON allows them, but no client can have meant them and they have no stored form.
     */
    private static void checkNumbers(JsonNode node, String path) {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            String where = path.length() > 100 ? path.substring(0, 100) + "..." : path;
            throw new InvalidHit("'" + where + "' is a number beyond the range of a double");
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node) checkNumbers(item, path + "[" + i++ + "]");
        } else if (node.isObject()) {
            for (var e : node.properties()) checkNumbers(e.getValue(), path + "." + e.getKey());
        }
    }

    private static Double vital(JsonNode p, String field) {
        JsonNode n = p.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isNumber()) throw new InvalidHit("'" + field + "' must be a number");
        double d = n.asDouble();
        if (!Double.isFinite(d) || d < 0 || d > 3_600_000) throw new InvalidHit("'" + field + "' is out of range");
        return d;
    }
}
