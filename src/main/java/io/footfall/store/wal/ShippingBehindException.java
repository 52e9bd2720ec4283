package io.footfall.store.wal;

import java.sql.SQLException;

/**
 * A read (or a change that must see every acknowledged hit) waited longer than READ_BARRIER_TIMEOUT_SECONDS
 * for the ingest log to move acknowledged hits into the store: the store is failing or far behind. The hits
 * are safe in the log; answering now would leave them out, so the caller is told to come back instead.
 */
public final class ShippingBehindException extends SQLException {
    private final long retryAfterSeconds;

    ShippingBehindException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** When the shipper tries again at the latest (its back-off), rounded up to whole seconds. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
