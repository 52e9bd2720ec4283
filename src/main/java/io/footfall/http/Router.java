package io.footfall.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Declares routes under BASE_PATH and turns every handler outcome into a response:
 * a {@link Reply}, an {@link ApiException} (JSON error body), or, for anything unexpected,
 * a logged 500 whose body reveals nothing.
 */
public final class Router {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    private final HttpRouting.Builder routing;
    private final String basePath;
    private final long maxBodyBytes;
    private final ReadsAlone readsAlone = new ReadsAlone();
    private final ReadLimit readLimit;

    public Router(HttpRouting.Builder routing, String basePath, long maxBodyBytes, int corsMaxAge) {
        this(routing, basePath, maxBodyBytes, corsMaxAge, ReadLimit.none());
    }

    /** With {@code readLimit} (MAX_CONCURRENT_READS) over every read, so that reads cannot take all the server's places. */
    public Router(HttpRouting.Builder routing, String basePath, long maxBodyBytes, int corsMaxAge, ReadLimit readLimit) {
        this.routing = routing;
        this.basePath = basePath;
        this.maxBodyBytes = maxBodyBytes;
        this.readLimit = readLimit;
        routing.addFilter(new Cors(corsMaxAge));
    }

    /**
     * A read: within MAX_CONCURRENT_READS ({@link ReadLimit}), and one that runs out of the database's memory is run
     * again with no other read beside it ({@link ReadsAlone}).
     */
    public Router get(String path, Handler handler) {
        return route(Method.GET, path, readOnly(handler));
    }

    /**
     * A GET that reads no statistics (heartbeat, health, tracker scripts, dashboard files) or that collects (link and
     * pixel hits): outside the read limit, so it answers under read overload.
     */
    public Router getOutsideReadLimit(String path, Handler handler) {
        return route(Method.GET, path, handler);
    }

    /** {@code handler} as a read ({@link #get}); for routes that only read but are not GETs (reports). */
    public Handler readOnly(Handler handler) {
        return readLimit.wrap(readsAlone.wrap(handler));
    }

    public Router post(String path, Handler handler) {
        return route(Method.POST, path, handler);
    }

    public Router put(String path, Handler handler) {
        return route(Method.PUT, path, handler);
    }

    public Router delete(String path, Handler handler) {
        return route(Method.DELETE, path, handler);
    }

    public Router route(Method method, String path, Handler handler) {
        routing.route(method, basePath + path, (req, res) -> serve(handler, req, res));
        return this;
    }

    /** Must be called last: JSON 404 for any unknown API path. */
    public void finish() {
        Handler notFound = r -> {
            throw ApiException.notFound("No such API route: " + r.method() + " " + r.path());
        };
        routing.any(basePath + "/api/{+rest}", (req, res) -> serve(notFound, req, res));
        routing.any(basePath + "/api", (req, res) -> serve(notFound, req, res));
    }

    private void serve(Handler handler, ServerRequest req, ServerResponse res) {
        Reply reply;
        try {
            reply = handler.handle(new ApiRequest(req, maxBodyBytes));
        } catch (ApiException e) {
            reply = error(e);
        } catch (Exception e) {
            ApiException unavailable = StoreUnavailable.answerFor(e);
            if (unavailable != null) {
                LOG.log(Level.WARNING, "503 on " + req.prologue().method().text() + " " + req.path().path() + ": " + e.getMessage());
                reply = error(unavailable);
            } else {
                LOG.log(Level.SEVERE, "unhandled error on " + req.prologue().method().text() + " " + req.path().path(), e);
                reply = error(new ApiException(500, "internal-error", "Internal server error"));
            }
        }
        write(reply, res);
    }

    static Reply error(ApiException e) {
        Reply r = Reply.json(e.status(), Map.of("error",
                Map.of("message", e.getMessage(), "code", e.code(), "status", e.status())));
        if (e.retryAfterSeconds() != null) r.header("Retry-After", e.retryAfterSeconds());
        return r;
    }

    private static final io.helidon.http.Header JSON_TYPE =
            io.helidon.http.HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");

    static void write(Reply reply, ServerResponse res) {
        res.status(reply.status());
        if (reply.body() instanceof StreamingBody streaming) {
            stream(streaming, reply, res);
            return;
        }
        byte[] bytes = reply.raw() != null ? reply.raw() : Json.write(reply.body());
        if (JSON_TYPE.get().equals(reply.contentType())) res.header(JSON_TYPE);
        else if (reply.contentType() != null) res.header(HeaderNames.CONTENT_TYPE, reply.contentType());
        for (var h : reply.headers().entrySet()) res.header(h.getKey(), h.getValue());
        res.send(bytes);
    }

    private static void stream(StreamingBody body, Reply reply, ServerResponse res) {
        if (reply.contentType() != null) res.header(HeaderNames.CONTENT_TYPE, reply.contentType());
        for (var h : reply.headers().entrySet()) res.header(h.getKey(), h.getValue());
        java.io.OutputStream out = res.outputStream();
        try {
            body.writeTo(out);
            out.close();
        } catch (Exception e) {
            // The status is sent: leave the response unfinished so the client sees a broken transfer, not a short file.
            // A client that goes away mid-download is routine, not a server fault.
            boolean clientGone = e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException;
            LOG.log(clientGone ? Level.INFO : Level.SEVERE, "streamed response failed", e);
            throw new IllegalStateException("streamed response failed", e);
        }
    }
}
