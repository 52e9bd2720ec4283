package io.footfall.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.collect.SendRequest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * TinyTrail's collect body mapped, in this one place, onto the Umami hit the collect pipeline stores:
 * <ul>
 *   <li>{@code page_view} is a pageview; every other type is a custom event: {@code custom} named by
 *       {@code properties.name} (else "custom") with the other properties as event data, the rest
 *       ({@code scroll_25/50/75}, {@code close_tab}, {@code outbound_link}, own names) named as their type;</li>
 *   <li>{@code screen_width}/{@code screen_height} are the screen {@code WxH};</li>
 *   <li>UTM fields of the body that the URL lacks are added to its query, where the pipeline reads UTM from.</li>
 * </ul>
 */
public final class TinyTrailEventMapping {
    public static final String PAGE_VIEW = "page_view";
    public static final String CUSTOM = "custom";
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_.:-]{1,50}");

    /** A body that cannot be collected; the message names the field. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** The website the body names, or null when its id is not a UUID (dropped silently, as an unknown site). */
    public static UUID websiteId(JsonNode body) {
        String text = requiredText(body, "website_id", 100);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static SendRequest toSend(JsonNode body, UUID websiteId) {
        String type = requiredText(body, "event_type", 50);
        if (!EVENT_TYPE.matcher(type).matches()) throw new Invalid("'event_type' must be 1 to 50 letters, digits or _ . : -");
        String url = requiredText(body, "url", 4000);
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new Invalid("'url' must be an absolute http(s) URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw new Invalid("'url' must be an absolute http(s) URL");
        }
        String path = requiredText(body, "path", 4000);
        if (!path.startsWith("/")) throw new Invalid("'path' must start with /");
        String referrer = optionalText(body, "referrer", 4000);
        Integer width = optionalSize(body, "screen_width");
        Integer height = optionalSize(body, "screen_height");
        JsonNode props = body.get("properties");
        if (props != null && !props.isNull() && !props.isObject()) throw new Invalid("'properties' must be an object");
        ObjectNode data = props == null || props.isNull() ? null : ((ObjectNode) props).deepCopy();

        String name = null;
        if (!PAGE_VIEW.equals(type)) {
            name = type;
            if (CUSTOM.equals(type) && data != null && data.path("name").isTextual() && !data.get("name").asText().isBlank()) {
                name = data.get("name").asText();
                data.remove("name");
            }
            if (name.length() > 50) name = name.substring(0, 50);
        }
        String fullUrl = withUtm(url, body);
        String screen = width != null && height != null ? width + "x" + height : null;
        return new SendRequest(SendRequest.EVENT, websiteId, null, null, null, null, referrer, screen, null, fullUrl,
                name, null, null, null, null, null, data == null || data.isEmpty() ? null : data,
                null, null, null, null, null, null);
    }

    private static String withUtm(String url, JsonNode body) {
        StringBuilder extra = new StringBuilder();
        for (String field : new String[]{"utm_source", "utm_medium", "utm_campaign"}) {
            String value = optionalText(body, field, 500);
            if (value != null && !url.contains(field + "=")) {
                extra.append(extra.isEmpty() ? "" : "&").append(field).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        if (extra.isEmpty()) return url;
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        return base + (base.contains("?") ? "&" : "?") + extra + fragment;
    }

    private static String requiredText(JsonNode body, String field, int max) {
        String s = optionalText(body, field, max);
        if (s == null) throw new Invalid("'" + field + "' is required");
        return s;
    }

    private static String optionalText(JsonNode body, String field, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new Invalid("'" + field + "' must be a string");
        if (n.asText().isBlank()) return null;
        if (n.asText().length() > max) throw new Invalid("'" + field + "' must be at most " + max + " characters");
        return n.asText();
    }

    private static Integer optionalSize(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > 100_000) {
            throw new Invalid("'" + field + "' must be a number from 0 to 100000");
        }
        return (int) Math.round(n.asDouble());
    }
}
