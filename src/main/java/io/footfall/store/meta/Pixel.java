package io.footfall.store.meta;

import java.time.Instant;
import java.util.UUID;

/** A tracking pixel: {@code /p/:slug} returns a 1x1 GIF and records a hit under the pixel's id. */
public record Pixel(UUID id, String name, String slug, UUID userId, UUID teamId, Instant createdAt, Instant updatedAt) {
    public Pixel(UUID id, String name, String slug, UUID userId, UUID teamId, Instant createdAt) {
        this(id, name, slug, userId, teamId, createdAt, createdAt);
    }
}
