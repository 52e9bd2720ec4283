package io.footfall.store.meta;

import java.time.Instant;
import java.util.UUID;

/** A tracked short link: {@code /q/:slug} redirects to {@code url} and records a hit under the link's id. */
public record Link(UUID id, String name, String url, String slug, UUID userId, UUID teamId, Instant createdAt,
                   Instant updatedAt) {
    public Link(UUID id, String name, String url, String slug, UUID userId, UUID teamId, Instant createdAt) {
        this(id, name, url, slug, userId, teamId, createdAt, createdAt);
    }
}
