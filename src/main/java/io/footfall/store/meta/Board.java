package io.footfall.store.meta;

import java.time.Instant;
import java.util.UUID;

/** A board (a custom dashboard) of a user or a team; {@code parameters} is its layout as JSON text. */
public record Board(UUID id, String type, String name, String description, String parameters, UUID userId,
                    UUID teamId, Instant createdAt, Instant updatedAt) {
}
