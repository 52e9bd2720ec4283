package io.footfall.manage;

import io.footfall.store.MetaStore;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Website lookups for the collect hot path: every hit names a website, so look it up in memory.
 * Entries (including "no such website") are dropped on any change and refreshed after a short time.
 */
public final class WebsiteCache {
    private static final long TTL_NANOS = 60_000_000_000L;
    private static final int MAX_ENTRIES = 100_000;

    private record Entry(Website website, long loadedAt) {
    }

    private final MetaStore meta;
    private final ConcurrentHashMap<UUID, Entry> entries = new ConcurrentHashMap<>();

    public WebsiteCache(MetaStore meta) {
        this.meta = meta;
    }

    public Optional<Website> find(UUID id) throws SQLException {
        long now = System.nanoTime();
        Entry e = entries.get(id);
        if (e == null || now - e.loadedAt > TTL_NANOS) {
            if (entries.size() >= MAX_ENTRIES) entries.clear();
            e = new Entry(meta.findWebsite(id).orElse(null), now);
            entries.put(id, e);
        }
        return Optional.ofNullable(e.website);
    }

    public void invalidate(UUID id) {
        entries.remove(id);
    }
}
