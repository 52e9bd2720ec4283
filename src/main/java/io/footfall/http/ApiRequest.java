package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * A request as handlers see it: path parameters, query, headers, a size-limited body and
 * the authenticated principal once a guard has set it. Keeps Helidon types out of handlers.
 */
public final class ApiRequest {
    private final ServerRequest request;
    private final long maxBodyBytes;
    private byte[] body;
    private Object principal;

    public ApiRequest(ServerRequest request, long maxBodyBytes) {
        this.request = request;
        this.maxBodyBytes = maxBodyBytes;
    }

    public String method() {
        return request.prologue().method().text();
    }

    public String path() {
        return request.path().path();
    }

    /** A path parameter declared as {@code {name}} in the route. */
    public String pathParam(String name) {
        return request.path().pathParameters().first(name).orElseThrow(() -> ApiException.badRequest("Missing " + name));
    }

    /** First value of a query parameter, or null when absent or empty. */
    public String query(String name) {
        Optional<String> v = request.query().first(name).asOptional();
        return v.filter(s -> !s.isEmpty()).orElse(null);
    }

    public boolean hasQuery(String name) {
        return request.query().contains(name);
    }

    public java.util.Set<String> queryNames() {
        return request.query().names();
    }

    public List<String> queryAll(String name) {
        return request.query().contains(name) ? request.query().all(name) : List.of();
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, io.helidon.http.HeaderName> NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** First value of a header, or null. Header names are interned: the collect path asks for ~20 per hit. */
    public String header(String name) {
        io.helidon.http.HeaderName h = NAMES.get(name);
        if (h == null) {
            h = HeaderNames.create(name);
            if (NAMES.size() < 1000) NAMES.put(name, h);
        }
        return request.headers().first(h).orElse(null);
    }

    /** The TCP peer's address (before any proxy header is considered). */
    public String remoteAddress() {
        if (request.remotePeer().address() instanceof InetSocketAddress isa && isa.getAddress() != null) {
            return isa.getAddress().getHostAddress();
        }
        return request.remotePeer().host();
    }

    /** The raw body, read once, capped at the configured limit (413 beyond it). */
    public byte[] body() {
        if (body != null) return body;
        if (!request.content().hasEntity()) {
            body = new byte[0];
            return body;
        }
        long declared = request.headers().contentLength().orElse(-1);
        byte[] data;
        try (InputStream in = request.content().inputStream()) {
            // Read a declared length exactly when it fits; otherwise up to one byte past the limit, so an
            // oversized body is consumed before the 413 and the client reliably sees the answer.
            long want = declared >= 0 && declared <= maxBodyBytes ? declared : maxBodyBytes + 1;
            data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, want));
        } catch (IOException | RuntimeException e) {
            // Helidon reports a body cut short (the client closed early, a chunk cut off) and bad chunk framing
            // as unchecked exceptions of several kinds; all are the client's.
            if (io.footfall.http.server.ReadTimeouts.causedByTimeout(e)) throw ApiException.requestTimeout();
            throw ApiException.badRequest("Request body is incomplete or badly framed");
        }
        if (data.length > maxBodyBytes) throw ApiException.tooLarge(maxBodyBytes);
        body = data;
        return body;
    }

    /** The body parsed as a JSON object; anything else is a 400. */
    public JsonNode jsonObject() {
        JsonNode node = Json.parse(body());
        if (!node.isObject()) throw ApiException.badRequest("Request body must be a JSON object");
        return node;
    }

    @SuppressWarnings("unchecked")
    public <T> T principal() {
        return (T) principal;
    }

    public void principal(Object principal) {
        this.principal = principal;
    }
}
