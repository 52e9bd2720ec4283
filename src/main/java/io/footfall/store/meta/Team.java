package io.footfall.store.meta;

import java.time.Instant;
import java.util.UUID;

/** A group of users sharing websites. {@code accessCode} lets a user join as a team member. */
public record Team(UUID id, String name, String accessCode, String logoUrl, Instant createdAt, Instant updatedAt,
                   Instant deletedAt) {
}
