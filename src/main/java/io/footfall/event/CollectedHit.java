package io.footfall.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything one accepted request writes, appended atomically: an event row (absent for `identify`),
 * its event data, and session data to upsert for the session. A flagged hit (TinyTrail's bots and
 * excluded traffic) is kept in {@code flagged_event} instead of {@code event}, with no data rows.
 */
public record CollectedHit(
        Event event,
        List<DataField> eventData,
        UUID websiteId,
        UUID sessionId,
        String distinctId,
        Instant createdAt,
        List<DataField> sessionData,
        Flag flag) {

    /** Why a hit is kept out of every ordinary read; the value is what {@code flagged_event.flag} holds. */
    public enum Flag {
        BOT("bot"),
        EXCLUDED("excluded");

        private final String sql;

        Flag(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** An ordinary hit (not flagged). */
    public CollectedHit(Event event, List<DataField> eventData, UUID websiteId, UUID sessionId, String distinctId,
                        Instant createdAt, List<DataField> sessionData) {
        this(event, eventData, websiteId, sessionId, distinctId, createdAt, sessionData, null);
    }

    public CollectedHit {
        if (flag != null && (event == null || !eventData.isEmpty() || !sessionData.isEmpty())) {
            throw new IllegalArgumentException("a flagged hit is an event row alone");
        }
    }

    /** True for a hit stored in {@code flagged_event}. */
    public boolean flagged() {
        return flag != null;
    }

    /** True for a hit with a row for {@code event} (ordinary, not identify-only). */
    public boolean ordinaryEvent() {
        return event != null && flag == null;
    }
}
