package io.footfall.http.tinytrail;

/** A TinyTrail request that cannot be served: one of the document's error codes with its status. */
final class TinyTrailException extends RuntimeException {
    private final int status;
    private final String code;
    private final Long retryAfterSeconds;

    TinyTrailException(int status, String code, String message, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static TinyTrailException invalid(String message) {
        return new TinyTrailException(400, "INVALID_PAYLOAD", message, null);
    }

    static TinyTrailException unauthorized() {
        return new TinyTrailException(401, "UNAUTHORIZED", "Missing or invalid X-API-KEY header", null);
    }

    static TinyTrailException forbidden() {
        return new TinyTrailException(403, "FORBIDDEN", "This API key may not do that", null);
    }

    static TinyTrailException notFound(String what) {
        return new TinyTrailException(404, "NOT_FOUND", what + " not found", null);
    }

    static TinyTrailException rateLimited(long retryAfterSeconds) {
        return new TinyTrailException(429, "RATE_LIMITED", "Rate limit exceeded, retry in " + retryAfterSeconds + " s",
                retryAfterSeconds);
    }

    /** The document's code for a status raised outside TinyTrail's handlers (body too large, bad JSON...). */
    static String codeFor(int status) {
        return switch (status) {
            case 400, 408, 413 -> "INVALID_PAYLOAD";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 429 -> "RATE_LIMITED";
            default -> "INTERNAL_ERROR";
        };
    }
}
