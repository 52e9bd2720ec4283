package io.footfall.manage;

import io.footfall.store.meta.PageOf;
import io.footfall.store.meta.Share;
import io.footfall.store.meta.Website;
import io.footfall.store.MetaStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Shares: public read-only views reached by slug. A website's {@code shareId} (Umami 3.1's share link) is kept
 * as a share whose slug is that id, so every share is found the same way.
 */
public final class ShareService {
    private static final String NO_PARAMETERS = "{}";

    private final MetaStore meta;

    public ShareService(MetaStore meta) {
        this.meta = meta;
    }

    public Optional<Share> find(UUID id) throws SQLException {
        return meta.findShare(id);
    }

    public Optional<Share> findBySlug(String slug) throws SQLException {
        return meta.findShareBySlug(slug);
    }

    public PageOf<Share> list(UUID entityId, int page, int pageSize) throws SQLException {
        return meta.listShares(entityId, page, pageSize);
    }

    /** Whether a share other than {@code except} (null: any) holds the slug. */
    public boolean slugTaken(String slug, UUID except) throws SQLException {
        return meta.findShareBySlug(slug).filter(s -> !s.id().equals(except)).isPresent();
    }

    /** A new share of a website; a null slug gets a random one. {@code parameters} is JSON text or null. */
    public Share createForWebsite(UUID websiteId, String name, String slug, String parameters) throws SQLException {
        return create(websiteId, Share.WEBSITE, name, slug, parameters);
    }

    /** A new share of an entity of {@code shareType} (website, link, pixel or board); a null slug gets a random one. */
    public Share create(UUID entityId, int shareType, String name, String slug, String parameters) throws SQLException {
        String s = slug != null ? slug : RandomCodes.of(16);
        if (slugTaken(s, null)) throw new AlreadyExistsException("Share slug is already in use");
        Instant now = Instant.now();
        Share share = new Share(UUID.randomUUID(), entityId, shareType, name, s,
                parameters != null ? parameters : NO_PARAMETERS, now, now);
        meta.insertShare(share);
        return share;
    }

    public Share update(Share s, String name, String slug, String parameters) throws SQLException {
        if (!slug.equals(s.slug()) && slugTaken(slug, s.id())) throw new AlreadyExistsException("Share slug is already in use");
        Share updated = new Share(s.id(), s.entityId(), s.shareType(), name, slug,
                parameters != null ? parameters : s.parameters(), s.createdAt(), Instant.now());
        meta.updateShare(updated);
        return updated;
    }

    public void delete(Share s) throws SQLException {
        meta.deleteShare(s.id());
    }

    /** Follows a change of a website's {@code shareId}: the old link stops working, the new one starts. */
    public void websiteShareIdChanged(Website w, String oldShareId, String newShareId) throws SQLException {
        if (oldShareId != null && !oldShareId.equals(newShareId)) {
            Optional<Share> old = meta.findShareBySlug(oldShareId);
            if (old.isPresent() && old.get().entityId().equals(w.id())) meta.deleteShare(old.get().id());
        }
        if (newShareId != null && !newShareId.equals(oldShareId) && meta.findShareBySlug(newShareId).isEmpty()) {
            Instant now = Instant.now();
            meta.insertShare(new Share(UUID.randomUUID(), w.id(), Share.WEBSITE, w.name(), newShareId, NO_PARAMETERS, now, now));
        }
    }
}
