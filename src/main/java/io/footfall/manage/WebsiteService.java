package io.footfall.manage;

import io.footfall.store.meta.PageOf;
import io.footfall.store.meta.Website;
import io.footfall.store.meta.WebsiteQuery;
import io.footfall.store.EventStore;
import io.footfall.store.MetaStore;
import io.footfall.store.WebsiteSettingStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Website lifecycle. Validation of input shapes happens in the HTTP layer; this enforces store rules. */
public final class WebsiteService {
    private final MetaStore meta;
    private final EventStore events;
    private final WebsiteCache cache;
    private final WebsiteSettingStore settings;
    private final SegmentService segments;

    public WebsiteService(MetaStore meta, EventStore events, WebsiteCache cache, WebsiteSettingStore settings) {
        this.meta = meta;
        this.events = events;
        this.cache = cache;
        this.settings = settings;
        this.segments = new SegmentService(meta);
    }

    /** The websites' TinyTrail settings (content groups, excluded IPs); they go when the website goes. */
    public WebsiteSettingStore settings() {
        return settings;
    }

    /** The websites' segments and cohorts (every read route resolves {@code segment} / {@code cohort} through them). */
    public SegmentService segments() {
        return segments;
    }

    public Website create(UUID id, String name, String domain, String shareId, UUID ownerId, UUID teamId) throws SQLException {
        Instant now = Instant.now();
        Website w = new Website(id != null ? id : UUID.randomUUID(), name, domain, shareId, null,
                teamId == null ? ownerId : null, teamId, ownerId, now, now, null);
        meta.insertWebsite(w);
        cache.invalidate(w.id());
        return w;
    }

    public Optional<Website> find(UUID id) throws SQLException {
        return cache.find(id);
    }

    /** A link or pixel with this id: their hits are stored under it and read through the website statistics routes. */
    public Optional<Owned> findLinkOrPixel(UUID id) throws SQLException {
        Optional<Owned> link = meta.findLink(id).map(l -> new Owned(l.id(), l.userId(), l.teamId()));
        if (link.isPresent()) return link;
        return meta.findPixel(id).map(p -> new Owned(p.id(), p.userId(), p.teamId()));
    }

    public boolean idTaken(UUID id) throws SQLException {
        return meta.websiteIdTaken(id);
    }

    public boolean shareIdTaken(String shareId, UUID exceptWebsite) throws SQLException {
        return meta.findWebsiteByShareId(shareId).filter(w -> !w.id().equals(exceptWebsite)).isPresent();
    }

    /** The websites a user owns itself (not those of its teams). */
    public PageOf<Website> list(UUID ownerId, String search, int page, int pageSize) throws SQLException {
        return meta.listWebsites(new WebsiteQuery(ownerId, null, null, search, page, pageSize));
    }

    public PageOf<Website> list(WebsiteQuery query) throws SQLException {
        return meta.listWebsites(query);
    }

    /** Gives the website to a user or to a team: a website has exactly one of the two. */
    public Website transfer(Website w, UUID userId, UUID teamId) throws SQLException {
        Website moved = new Website(w.id(), w.name(), w.domain(), w.shareId(), w.resetAt(), userId, teamId,
                w.createdBy(), w.createdAt(), Instant.now(), null);
        meta.updateWebsite(moved);
        cache.invalidate(w.id());
        return moved;
    }

    public Website update(Website w, String name, String domain, String shareId) throws SQLException {
        Website updated = new Website(w.id(), name, domain, shareId, w.resetAt(), w.userId(), w.teamId(),
                w.createdBy(), w.createdAt(), Instant.now(), null);
        meta.updateWebsite(updated);
        cache.invalidate(w.id());
        return updated;
    }

    /** Whichever API deletes it (Umami, TinyTrail, a user's or team's deletion): its events, flagged ones included, and settings go too. */
    public void delete(Website w) throws SQLException {
        events.deleteWebsiteData(w.id());
        meta.markWebsiteDeleted(w.id(), Instant.now());
        settings.delete(w.id());
        cache.invalidate(w.id());
    }

    /** Removes all collected data and records when it happened. */
    public Website reset(Website w) throws SQLException {
        events.deleteWebsiteData(w.id());
        Instant now = Instant.now();
        Website updated = new Website(w.id(), w.name(), w.domain(), w.shareId(), now, w.userId(), w.teamId(),
                w.createdBy(), w.createdAt(), now, null);
        meta.updateWebsite(updated);
        cache.invalidate(w.id());
        return updated;
    }
}
