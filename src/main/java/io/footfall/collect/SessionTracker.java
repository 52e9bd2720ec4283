package io.footfall.collect;

import io.footfall.event.Event;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-session memory for the collect path: the current visit (a visit ends after 30 minutes without
 * a hit) and the session's attributes from its first request, which later hits reuse as Umami does.
 * Bounded: when full, sessions idle for more than a visit are dropped first.
 */
public final class SessionTracker {
    public static final Duration VISIT_TIMEOUT = Duration.ofMinutes(30);
    private static final long TIMEOUT_SECONDS = VISIT_TIMEOUT.toSeconds();

    private record State(UUID visitId, long lastSeen, Event.SessionAttributes attributes) {
    }

    /** The visit and attributes decided for one hit. */
    public record Decision(UUID visitId, Event.SessionAttributes attributes) {
    }

    private final ConcurrentHashMap<UUID, State> sessions = new ConcurrentHashMap<>();
    private final int maxSessions;

    public SessionTracker(int maxSessions) {
        this.maxSessions = maxSessions;
    }

    /**
     * Decides the visit for a hit at {@code at}. {@code fromToken} is the visit the client's cache token
     * carries (or null); it is trusted only when the server has no fresher memory of the session.
     */
    public Decision track(UUID sessionId, Instant at, Event.SessionAttributes attributes, CacheToken.Claims fromToken) {
        if (sessions.size() >= maxSessions) evictIdle(at.getEpochSecond());
        long now = at.getEpochSecond();
        State s = sessions.compute(sessionId, (id, old) -> {
            State prev = old;
            if (prev == null && fromToken != null && fromToken.sessionId().equals(id)) {
                prev = new State(fromToken.visitId(), fromToken.lastSeen().getEpochSecond(), null);
            }
            Event.SessionAttributes attrs = prev != null && prev.attributes() != null ? prev.attributes() : attributes;
            if (prev != null && Math.abs(now - prev.lastSeen()) <= TIMEOUT_SECONDS) {
                return new State(prev.visitId(), Math.max(now, prev.lastSeen()), attrs);
            }
            UUID visit = Uuids.v5(id.toString(), "visit", Long.toString(now - now % 3600));
            if (prev != null && visit.equals(prev.visitId())) {
                visit = Uuids.v5(id.toString(), "visit", Long.toString(now));
            }
            return new State(visit, now, attrs);
        });
        return new Decision(s.visitId(), s.attributes());
    }

    private void evictIdle(long now) {
        sessions.values().removeIf(s -> now - s.lastSeen() > TIMEOUT_SECONDS);
        if (sessions.size() >= maxSessions) sessions.clear();
    }
}
