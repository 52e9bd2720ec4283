package io.footfall.store.meta;

import java.time.Instant;
import java.util.UUID;

/** A tracked website. Deleted websites keep their row with {@code deletedAt} set. */
public record Website(UUID id, String name, String domain, String shareId, Instant resetAt, UUID userId, UUID teamId,
                      UUID createdBy, Instant createdAt, Instant updatedAt, Instant deletedAt) {
}
