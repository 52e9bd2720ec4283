package io.footfall.duckdb;

import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fold moves the tail's events into the rollups in one commit; a read made of several statements must see
 * it wholly or not at all, never an event both as folded and as tail (once: doubled pageviews, visits and
 * totaltime under a session filter). Each round appends seeded random traffic as a tail, lets reader threads
 * hammer several routes (filters on and off, ranges cutting visits) while the tail folds, and then checks
 * every answer read against the settled one, read after the fold (the same before it: the reads are exact).
 */
class FoldRaceTest {
    private static final int ROUNDS = 12;
    /** On a busy machine a fold under this load takes seconds: past this budget, stop after {@link #MIN_ROUNDS}. */
    private static final long BUDGET_NANOS = 18_000_000_000L;
    private static final int MIN_ROUNDS = 4;
    private static final int READERS = 3;
    private static final String[] BROWSERS = {"firefox", "chrome", "safari"};
    private static final String[] COUNTRIES = {"DE", "FR", "US"};
    private static final String[] PATHS = {"/", "/a", "/b", "/pricing"};

    @Test
    void readsNeverSeeAFoldHalfApplied() throws Exception {
        try (TestServer server = TestServer.start()) {
            String site = server.createWebsite("Fold race", "example.com");
            UUID w = UUID.fromString(site);
            List<String> urls = urls();
            List<String> wrong = new ArrayList<>();
            long start = System.nanoTime();
            for (int seed = 1; seed <= ROUNDS && wrong.isEmpty() && (seed <= MIN_ROUNDS || System.nanoTime() - start < BUDGET_NANOS); seed++) {
                server.append(traffic(w, new Random(seed)));
                Map<String, List<String>> seen = new ConcurrentHashMap<>();
                AtomicBoolean folded = new AtomicBoolean();
                List<Thread> readers = new ArrayList<>();
                for (int i = 0; i < READERS; i++) {
                    int first = i;
                    readers.add(Thread.ofPlatform().start(() -> {
                        // Keep reading a little past the fold, so that reads begun before it also end after it.
                        for (int n = first, after = 0; after < 6; n++) {
                            if (folded.get()) after++;
                            String url = urls.get(n % urls.size());
                            seen.computeIfAbsent(url, u -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                    .add(server.websiteJson(site, url).toString());
                        }
                    }));
                }
                Thread.sleep(20 + seed * 7L % 40); // the fold lands at a different point of the readers' cycle each round
                server.fold();
                folded.set(true);
                for (Thread t : readers) t.join();
                for (String url : urls) {
                    String settled = server.websiteJson(site, url).toString();
                    for (String answer : seen.getOrDefault(url, List.of())) {
                        if (!answer.equals(settled)) wrong.add("seed " + seed + " " + url + "\n  read    " + answer + "\n  settled " + settled);
                    }
                }
            }
            assertThat(wrong).isEmpty();
        }
    }

    /** Routes served by the rollups and their tail, unfiltered and with session filters, over whole and cut ranges. */
    private static List<String> urls() {
        List<String> urls = new ArrayList<>();
        for (String range : List.of(TestServer.range("2026-03-07T00:00:00Z", "2026-03-07T23:59:59.999Z"),
                TestServer.range("2026-03-07T06:30:00Z", "2026-03-07T17:45:00Z"))) {
            for (String filter : List.of("", "&browser=firefox", "&country=DE", "&os=Linux")) {
                urls.add("stats?" + range + filter);
                urls.add("sessions/stats?" + range + filter);
            }
            urls.add("metrics?type=path&" + range + "&browser=firefox");
            urls.add("metrics?type=browser&" + range);
            urls.add("metrics/expanded?type=path&" + range);
            urls.add("pageviews?unit=hour&timezone=UTC&" + range);
            urls.add("pageviews?unit=hour&timezone=UTC&" + range + "&country=FR");
            urls.add("events/stats?" + range);
            urls.add("sessions/weekly?timezone=UTC&" + range);
        }
        return urls;
    }

    /** A round's traffic: new visitors, each with a visit or two of a few views and maybe a custom event. */
    private static CollectedHit[] traffic(UUID website, Random r) {
        List<CollectedHit> hits = new ArrayList<>();
        Instant day = Instant.parse("2026-03-07T00:00:00Z");
        for (int v = 0; v < 20 + r.nextInt(20); v++) {
            UUID session = UUID.randomUUID();
            String browser = BROWSERS[r.nextInt(BROWSERS.length)];
            String os = browser.equals("firefox") ? "Linux" : "Windows 10";
            var attrs = new Event.SessionAttributes(browser, os, "desktop", "1920x1080", "en-US", COUNTRIES[r.nextInt(COUNTRIES.length)],
                    null, null, null);
            Instant at = day.plusSeconds(r.nextInt(23 * 3600));
            for (int visit = 0; visit < 1 + r.nextInt(2); visit++) {
                UUID visitId = UUID.randomUUID();
                for (int view = 0; view < 1 + r.nextInt(4); view++) {
                    hits.add(hit(website, session, visitId, at, 1, PATHS[r.nextInt(PATHS.length)], attrs));
                    at = at.plusSeconds(10 + r.nextInt(300));
                }
                if (r.nextBoolean()) hits.add(hit(website, session, visitId, at, 2, "/", attrs));
                at = at.plusSeconds(3600);
            }
        }
        return hits.toArray(CollectedHit[]::new);
    }

    private static CollectedHit hit(UUID website, UUID session, UUID visit, Instant at, int type, String path, Event.SessionAttributes attrs) {
        Event e = new Event(UUID.randomUUID(), website, session, visit, at, type, type == 2 ? "signup" : null,
                new Event.Page("example.com", path, null, "Title", null), new Event.Referrer(null, null, null),
                new Event.Campaign(null, null, null, null, null, null, null, null, null, null, null), attrs, Event.WebVitals.NONE);
        return new CollectedHit(e, List.of(), website, session, null, at, List.of());
    }
}
