package io.footfall.http;

import io.footfall.store.wal.ShippingBehindException;

/**
 * Failures that are the server's temporary limits, not faults of the request or bugs: each gets a 503 with
 * {@code Retry-After} and a message that says what happened, instead of a 500.
 */
public final class StoreUnavailable {
    private StoreUnavailable() {
    }

    /** The 503 for {@code failure}, or null when it is not such a failure. */
    public static ApiException answerFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ShippingBehindException e) return ApiException.unavailable(e.getMessage(), e.retryAfterSeconds());
        }
        return DatabaseOutOfMemory.answerFor(failure);
    }
}
