package io.footfall.collect;

import io.footfall.event.CollectedHit;

import java.util.Map;

/** What collecting one request decided: store a hit and answer, or answer without storing. */
public sealed interface CollectOutcome {
    Map<String, Object> response();

    /** The hit must be durable before {@link #response()} is sent. */
    record Accepted(CollectedHit hit, Map<String, Object> response) implements CollectOutcome {
    }

    /** Deliberately not recorded (bot, ignored IP, no User-Agent). */
    record Skipped(Map<String, Object> response) implements CollectOutcome {
    }

    Skipped BOT = new Skipped(Map.of("beep", "boop"));
}
