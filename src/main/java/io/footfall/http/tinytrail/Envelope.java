package io.footfall.http.tinytrail;

import io.footfall.http.ApiException;
import io.footfall.http.Handler;
import io.footfall.http.Reply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * TinyTrail's response envelope: {@code {status:"success", data}} and
 * {@code {status:"error", error:{code, message}}}. {@link #wrap} puts every outcome of a handler into it,
 * including errors raised by shared code (body limits, malformed JSON), so no Umami-shaped error leaks out.
 */
final class Envelope {
    private static final Logger LOG = Logger.getLogger(Envelope.class.getName());

    private Envelope() {
    }

    static Reply success(int status, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("data", data);
        return Reply.json(status, body);
    }

    static Reply ok(Object data) {
        return success(200, data);
    }

    static Reply error(int status, String code, String message, Long retryAfterSeconds) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("error", error);
        Reply r = Reply.json(status, body);
        if (retryAfterSeconds != null) r.header("Retry-After", Long.toString(retryAfterSeconds));
        return r;
    }

    static Handler wrap(Handler handler) {
        return req -> {
            try {
                return handler.handle(req);
            } catch (TinyTrailException e) {
                return error(e.status(), e.code(), e.getMessage(), e.retryAfterSeconds());
            } catch (ApiException e) {
                Long retry = e.retryAfterSeconds() == null ? null : Long.valueOf(e.retryAfterSeconds());
                return error(e.status(), TinyTrailException.codeFor(e.status()), e.getMessage(), retry);
            } catch (Exception e) {
                ApiException unavailable = io.footfall.http.StoreUnavailable.answerFor(e);
                if (unavailable != null) {
                    LOG.log(Level.WARNING, "503 on " + req.method() + " " + req.path() + ": " + e.getMessage());
                    return error(503, TinyTrailException.codeFor(503), unavailable.getMessage(), Long.valueOf(unavailable.retryAfterSeconds()));
                }
                LOG.log(Level.SEVERE, "unhandled error on " + req.method() + " " + req.path(), e);
                return error(500, "INTERNAL_ERROR", "Internal server error", null);
            }
        };
    }
}
