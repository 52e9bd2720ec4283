package io.footfall.manage;

import io.footfall.store.meta.Website;
import io.footfall.store.MetaStore;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Website lookups for the collect hot path and the read API: every hit and most requests name a website,
 * so look it up in memory. {@link WebsiteService} drops an entry on any change to that website.
 */
public final class WebsiteCache {
    private final LookupCache<UUID, Website> cache;

    public WebsiteCache(MetaStore meta) {
        this.cache = new LookupCache<>(meta::findWebsite);
    }

    public Optional<Website> find(UUID id) throws SQLException {
        return cache.find(id);
    }

    public void invalidate(UUID id) {
        cache.invalidate(id);
    }
}
