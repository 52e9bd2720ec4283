package io.footfall.collect;

import io.footfall.event.Event;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTrackerTest {
    static final Event.SessionAttributes FIRST = new Event.SessionAttributes("chrome", "Mac OS", "laptop", "1440x900", "en", "DE", "DE-BE", "Berlin", null);
    static final Event.SessionAttributes LATER = new Event.SessionAttributes("chrome", "Mac OS", "desktop", "2560x1440", "fr", "DE", "DE-BE", "Berlin", null);
    final Instant t0 = Instant.parse("2026-11-24T10:05:00Z");

    @Test
    void visitContinuesWithin30MinutesOfInactivityAndEndsAfter() {
        SessionTracker tracker = new SessionTracker(100);
        UUID session = UUID.randomUUID();
        UUID v1 = tracker.track(session, t0, FIRST, null).visitId();
        assertThat(tracker.track(session, t0.plusSeconds(29 * 60), FIRST, null).visitId()).isEqualTo(v1);
        // 29 + 29 minutes: still active because the gap, not the visit length, counts
        assertThat(tracker.track(session, t0.plusSeconds(58 * 60), FIRST, null).visitId()).isEqualTo(v1);
        UUID v2 = tracker.track(session, t0.plusSeconds(58 * 60 + 31 * 60), FIRST, null).visitId();
        assertThat(v2).isNotEqualTo(v1);
    }

    @Test
    void newVisitInSameClockHourGetsADifferentId() {
        SessionTracker tracker = new SessionTracker(100);
        UUID session = UUID.randomUUID();
        UUID v1 = tracker.track(session, Instant.parse("2026-11-24T10:00:00Z"), FIRST, null).visitId();
        UUID v2 = tracker.track(session, Instant.parse("2026-11-24T10:45:00Z"), FIRST, null).visitId();
        assertThat(v2).isNotEqualTo(v1);
    }

    @Test
    void attributesOfTheFirstRequestAreKept() {
        SessionTracker tracker = new SessionTracker(100);
        UUID session = UUID.randomUUID();
        tracker.track(session, t0, FIRST, null);
        assertThat(tracker.track(session, t0.plusSeconds(60), LATER, null).attributes()).isEqualTo(FIRST);
    }

    @Test
    void tokenRestoresTheVisitAfterARestart() {
        UUID session = UUID.randomUUID();
        UUID website = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        SessionTracker fresh = new SessionTracker(100);
        var token = new CacheToken.Claims(website, session, visit, t0);
        assertThat(fresh.track(session, t0.plusSeconds(600), FIRST, token).visitId()).isEqualTo(visit);
        // a token for another session is not trusted
        SessionTracker other = new SessionTracker(100);
        assertThat(other.track(UUID.randomUUID(), t0.plusSeconds(600), FIRST, token).visitId()).isNotEqualTo(visit);
    }

    @Test
    void staysBounded() {
        SessionTracker tracker = new SessionTracker(10);
        for (int i = 0; i < 1000; i++) tracker.track(UUID.randomUUID(), t0.plusSeconds(i * 3600L), FIRST, null);
        // no assertion on internals beyond not failing: eviction keeps memory bounded
        assertThat(tracker.track(UUID.randomUUID(), t0, FIRST, null).visitId()).isNotNull();
    }
}
