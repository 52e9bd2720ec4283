package io.footfall.http;

/** A request that cannot be served, with the HTTP status and a message safe to show the client. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String retryAfterSeconds;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiException(int status, String code, String message, String retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad-request", message);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", "Unauthorized");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not-found", message);
    }

    public static ApiException tooLarge(long limit) {
        return new ApiException(413, "payload-too-large", "Request body is larger than " + limit + " bytes");
    }

    public static ApiException requestTimeout() {
        return new ApiException(408, "request-timeout", "The request body did not arrive in time");
    }

    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(429, "too-many-requests", "Too many requests, try again later",
                Long.toString(retryAfterSeconds));
    }

    public static ApiException unavailable(String message, long retryAfterSeconds) {
        return new ApiException(503, "service-unavailable", message, Long.toString(retryAfterSeconds));
    }
}
