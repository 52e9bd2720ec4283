package io.footfall.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything one accepted request writes, appended atomically: an event row (absent for `identify`),
 * its event data, and session data to upsert for the session.
 */
public record CollectedHit(
        Event event,
        List<DataField> eventData,
        UUID websiteId,
        UUID sessionId,
        String distinctId,
        Instant createdAt,
        List<DataField> sessionData) {
}
