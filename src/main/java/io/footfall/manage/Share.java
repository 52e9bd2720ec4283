package io.footfall.manage;

import java.time.Instant;
import java.util.UUID;

/**
 * A public read-only view of an entity (share type 1: a website) reached by its {@code slug} without logging in.
 * {@code parameters} is JSON text.
 */
public record Share(UUID id, UUID entityId, int shareType, String name, String slug, String parameters,
                    Instant createdAt, Instant updatedAt) {
    public static final int WEBSITE = 1;
}
