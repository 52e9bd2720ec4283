package io.footfall.store.meta;

import java.time.Instant;
import java.util.UUID;

/**
 * A public read-only view of an entity reached by its {@code slug} without logging in; {@code shareType} is Umami's
 * entity type (1 website, 2 link, 3 pixel, 4 board).
 * {@code parameters} is JSON text.
 */
public record Share(UUID id, UUID entityId, int shareType, String name, String slug, String parameters,
                    Instant createdAt, Instant updatedAt) {
    public static final int WEBSITE = 1;
    public static final int LINK = 2;
    public static final int PIXEL = 3;
    public static final int BOARD = 4;
}
