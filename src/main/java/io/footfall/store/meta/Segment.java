package io.footfall.store.meta;

import java.time.Instant;
import java.util.UUID;

/**
 * A saved set of filters ({@code type} {@value #SEGMENT}) or a cohort definition ({@code type} {@value #COHORT})
 * of one website. {@code parameters} is the client's JSON object, kept as text and returned as given.
 */
public record Segment(UUID id, UUID websiteId, String type, String name, String parameters, Instant createdAt,
                      Instant updatedAt) {
    public static final String SEGMENT = "segment";
    public static final String COHORT = "cohort";
}
