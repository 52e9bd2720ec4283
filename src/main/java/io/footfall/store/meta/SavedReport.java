package io.footfall.store.meta;

import java.time.Instant;
import java.util.UUID;

/** A saved report: a report type with its parameters (JSON text) for one website, owned by the user who saved it. */
public record SavedReport(UUID id, UUID userId, UUID websiteId, String type, String name, String description,
                          String parameters, Instant createdAt, Instant updatedAt) {
}
