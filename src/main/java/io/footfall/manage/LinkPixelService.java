package io.footfall.manage;

import io.footfall.store.meta.Link;
import io.footfall.store.meta.PageOf;
import io.footfall.store.meta.Pixel;
import io.footfall.store.MetaStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Tracked links and pixels: owned by a user or a team, reached by a slug unique among links (or pixels). */
public final class LinkPixelService {
    private final MetaStore meta;

    public LinkPixelService(MetaStore meta) {
        this.meta = meta;
    }

    public Optional<Link> findLink(UUID id) throws SQLException {
        return meta.findLink(id);
    }

    public PageOf<Link> links(UUID userId, UUID teamId, String search, int page, int pageSize) throws SQLException {
        return meta.listLinks(userId, teamId, search, page, pageSize);
    }

    /** A new link of the user, or of the team when {@code teamId} is given; a slug or id in use is refused. */
    public Link createLink(UUID id, String name, String url, String slug, UUID userId, UUID teamId) throws SQLException {
        UUID linkId = id != null ? id : UUID.randomUUID();
        if (meta.linkTaken(slug, linkId)) throw new AlreadyExistsException("Slug or id is already in use");
        Instant now = Instant.now();
        Link link = new Link(linkId, name, url, slug, teamId == null ? userId : null, teamId, now, now);
        meta.insertLink(link);
        return link;
    }

    public Link updateLink(Link l, String name, String url, String slug) throws SQLException {
        if (!slug.equals(l.slug()) && meta.linkTaken(slug, null)) throw new AlreadyExistsException("Slug is already in use");
        Link updated = new Link(l.id(), name, url, slug, l.userId(), l.teamId(), l.createdAt(), Instant.now());
        meta.updateLink(updated);
        return updated;
    }

    public void deleteLink(Link l) throws SQLException {
        meta.markLinkDeleted(l.id(), Instant.now());
    }

    public Optional<Pixel> findPixel(UUID id) throws SQLException {
        return meta.findPixel(id);
    }

    public PageOf<Pixel> pixels(UUID userId, UUID teamId, String search, int page, int pageSize) throws SQLException {
        return meta.listPixels(userId, teamId, search, page, pageSize);
    }

    public Pixel createPixel(UUID id, String name, String slug, UUID userId, UUID teamId) throws SQLException {
        UUID pixelId = id != null ? id : UUID.randomUUID();
        if (meta.pixelTaken(slug, pixelId)) throw new AlreadyExistsException("Slug or id is already in use");
        Instant now = Instant.now();
        Pixel pixel = new Pixel(pixelId, name, slug, teamId == null ? userId : null, teamId, now, now);
        meta.insertPixel(pixel);
        return pixel;
    }

    public Pixel updatePixel(Pixel p, String name, String slug) throws SQLException {
        if (!slug.equals(p.slug()) && meta.pixelTaken(slug, null)) throw new AlreadyExistsException("Slug is already in use");
        Pixel updated = new Pixel(p.id(), name, slug, p.userId(), p.teamId(), p.createdAt(), Instant.now());
        meta.updatePixel(updated);
        return updated;
    }

    public void deletePixel(Pixel p) throws SQLException {
        meta.markPixelDeleted(p.id(), Instant.now());
    }
}
