package io.footfall.manage;

import io.footfall.store.meta.PageOf;
import io.footfall.store.meta.Segment;
import io.footfall.store.MetaStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Segments and cohorts of a website. The HTTP layer validates their parameters; this keeps them. */
public final class SegmentService {
    private final MetaStore meta;

    public SegmentService(MetaStore meta) {
        this.meta = meta;
    }

    /** The website's segment or cohort with this id (either type); empty when unknown or another website's. */
    public Optional<Segment> find(UUID websiteId, UUID id) throws SQLException {
        return meta.findSegment(websiteId, id);
    }

    public PageOf<Segment> list(UUID websiteId, String type, String search, int page, int pageSize) throws SQLException {
        return meta.listSegments(websiteId, type, search, page, pageSize);
    }

    public Segment create(UUID websiteId, String type, String name, String parameters) throws SQLException {
        Instant now = Instant.now();
        Segment s = new Segment(UUID.randomUUID(), websiteId, type, name, parameters, now, now);
        meta.insertSegment(s);
        return s;
    }

    public Segment update(Segment s, String type, String name, String parameters) throws SQLException {
        Segment updated = new Segment(s.id(), s.websiteId(), type, name, parameters, s.createdAt(), Instant.now());
        meta.updateSegment(updated);
        return updated;
    }

    public void delete(Segment s) throws SQLException {
        meta.deleteSegment(s.id());
    }
}
