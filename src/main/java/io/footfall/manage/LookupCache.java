package io.footfall.manage;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lookups by id kept in memory: every API request names its user (the token) and most name a website, and
 * a database round trip for each costs more than many of the queries behind them. Entries (including "not
 * found") are dropped by the service that changes the record, and reloaded after a minute in any case.
 */
final class LookupCache<K, V> {
    private static final long TTL_NANOS = 60_000_000_000L;
    private static final int MAX_ENTRIES = 100_000;

    /** Loads one record from the store. */
    @FunctionalInterface
    interface Loader<K, V> {
        Optional<V> load(K key) throws SQLException;
    }

    private record Entry<V>(V value, long loadedAt) {
    }

    private final Loader<K, V> loader;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    LookupCache(Loader<K, V> loader) {
        this.loader = loader;
    }

    Optional<V> find(K key) throws SQLException {
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e == null || now - e.loadedAt() > TTL_NANOS) {
            if (entries.size() >= MAX_ENTRIES) entries.clear();
            e = new Entry<>(loader.load(key).orElse(null), now);
            entries.put(key, e);
        }
        return Optional.ofNullable(e.value());
    }

    void invalidate(K key) {
        entries.remove(key);
    }
}
