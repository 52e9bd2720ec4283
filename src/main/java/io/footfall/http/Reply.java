package io.footfall.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status, a body (JSON-serialised unless raw bytes), and extra headers. */
public record Reply(int status, Object body, byte[] raw, String contentType, Map<String, String> headers) {

    public static Reply ok(Object body) {
        return json(200, body);
    }

    public static Reply json(int status, Object body) {
        return new Reply(status, body, null, "application/json; charset=utf-8", new LinkedHashMap<>());
    }

    /** Umami's bare {@code {"ok": true}}. */
    public static Reply okTrue() {
        return ok(Map.of("ok", true));
    }

    public static Reply raw(int status, String contentType, byte[] bytes) {
        return new Reply(status, null, bytes, contentType, new LinkedHashMap<>());
    }

    public static Reply redirect(int status, String location) {
        return raw(status, "text/plain; charset=utf-8", new byte[0]).header("Location", location);
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
