package io.footfall.query.equality;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.event.EventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sessions that come back to a weekly cell: copies of the generated views (not custom events or web vitals) shifted by
 * the hours a test chooses per session (whole weeks back, maybe an hour beside), each shift a new visit. The generated
 * sessions alone last days, so they rarely repeat a cell; the weekly heatmap's slot links need such returns.
 */
final class WeeklyReturns {
    private WeeklyReturns() {
    }

    /** The copies; {@code shiftsOf} is asked once per session (in the order the hits come) for its shifts in hours. */
    static List<CollectedHit> of(List<CollectedHit> generated, Function<UUID, long[]> shiftsOf) {
        List<CollectedHit> copies = new ArrayList<>();
        Map<UUID, long[]> shifts = new HashMap<>();
        Map<List<UUID>, UUID> visits = new HashMap<>();
        for (CollectedHit h : generated) {
            Event e = h.event();
            if (e == null || e.eventType() == EventType.CUSTOM_EVENT || e.eventType() == EventType.PERFORMANCE) continue;
            for (long shift : shifts.computeIfAbsent(h.sessionId(), shiftsOf)) {
                Instant at = h.createdAt().plus(Duration.ofHours(shift));
                UUID visit = visits.computeIfAbsent(List.of(e.visitId(), new UUID(shift, 0)), k -> UUID.randomUUID());
                Event copy = new Event(UUID.randomUUID(), e.websiteId(), e.sessionId(), visit, at, e.eventType(), null, e.page(),
                        e.referrer(), e.campaign(), e.session(), Event.WebVitals.NONE);
                copies.add(new CollectedHit(copy, List.of(), h.websiteId(), h.sessionId(), h.distinctId(), at, List.of(), h.flag()));
            }
        }
        return copies;
    }
}
