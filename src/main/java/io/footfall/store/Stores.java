package io.footfall.store;

/**
 * The open stores of the configured backend (opened by {@code io.footfall.StoreChoice}, which knows the backends);
 * closing it closes the database cleanly.
 */
public record Stores(EventStore events, MetaStore meta, Connections connections, String backend,
                     AutoCloseable eventLog) implements AutoCloseable {

    /** Ships what the ingest log still holds, then closes the database cleanly. */
    @Override
    public void close() {
        try {
            eventLog.close();
        } catch (Exception ignored) {
            // the log keeps anything unshipped; it is shipped at the next start
        }
        connections.close();
    }
}
