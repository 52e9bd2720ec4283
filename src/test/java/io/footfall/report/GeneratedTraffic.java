package io.footfall.report;

import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.Event;
import io.footfall.testing.TestServer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded random traffic for comparing a rewritten report query with its straightforward reference: sessions with
 * one to three visits of one to nine rows each (pageviews, custom events, some web-vitals rows that reports skip),
 * rows sharing a timestamp within a visit (so the order's tie-breakers matter), referrers, UTM values, click ids,
 * and payments in USD and EUR. Appended straight through the event store (what the ingest queue does).
 */
final class GeneratedTraffic {
    static final Instant START = Instant.parse("2026-04-01T00:00:00Z");
    static final List<String> PATHS = List.of("/", "/pricing", "/blog/a", "/blog/b", "/features", "/docs/a-very-long-path/that-goes-on");
    static final List<String> EVENTS = List.of("signup", "purchase", "click");
    static final List<String> COUNTRIES = List.of("DE", "US", "FR");
    static final List<String> REFERRERS = List.of("google.com", "bing.com", "news.example", "example.com");
    static final List<String> SOURCES = List.of("news", "google", "mail");

    private GeneratedTraffic() {
    }

    /** Appends about {@code sessions} × 8 rows over the 10 days from {@link #START} and returns their count. */
    static int append(TestServer server, UUID website, int sessions, long seed) {
        List<CollectedHit> hits = hits(website, sessions, seed);
        server.append(hits.toArray(CollectedHit[]::new));
        return hits.size();
    }

    /** The hits {@link #append} appends, in time order per session. */
    static List<CollectedHit> hits(UUID website, int sessions, long seed) {
        Random r = new Random(seed);
        List<CollectedHit> hits = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            UUID session = new UUID(seed, s);
            String country = COUNTRIES.get(r.nextInt(COUNTRIES.size()));
            var attrs = new Event.SessionAttributes(r.nextBoolean() ? "chrome" : "firefox", "Windows 10", "desktop", "1920x1080",
                    "en-US", country, country + "-1", null, null);
            Instant at = START.plusSeconds(r.nextInt(10 * 86400));
            int visits = 1 + r.nextInt(3);
            for (int v = 0; v < visits; v++) {
                UUID visit = UUID.randomUUID();
                int rows = 1 + r.nextInt(9);
                for (int i = 0; i < rows; i++) {
                    if (i > 0 && r.nextInt(4) != 0) at = at.plusSeconds(1 + r.nextInt(300)); // else the same instant as the row before
                    int type = r.nextInt(10) < 6 ? 1 : r.nextInt(10) == 0 ? 5 : 2;
                    String path = PATHS.get(r.nextInt(PATHS.size()));
                    String name = type == 2 ? EVENTS.get(r.nextInt(EVENTS.size())) : null;
                    String referrer = r.nextInt(3) == 0 ? REFERRERS.get(r.nextInt(REFERRERS.size())) : null;
                    String source = r.nextInt(4) == 0 ? SOURCES.get(r.nextInt(SOURCES.size())) : null;
                    var campaign = new Event.Campaign(source, source == null ? null : "cpc", source == null ? null : "spring", null, null,
                            r.nextInt(8) == 0 ? "g" + r.nextInt(3) : null, r.nextInt(12) == 0 ? "f" : null, null, null, null, null);
                    Event e = new Event(UUID.randomUUID(), website, session, visit, at, type, name,
                            new Event.Page("example.com", path, "", "Title", null), new Event.Referrer(referrer, null, null),
                            campaign, attrs, Event.WebVitals.NONE);
                    List<DataField> data = new ArrayList<>();
                    if (type == 2 && r.nextInt(3) != 0) {
                        data.add(new DataField("revenue", 2, null, BigDecimal.valueOf(r.nextInt(5000), 2).setScale(4), null));
                        data.add(new DataField("currency", 1, r.nextBoolean() ? "USD" : r.nextBoolean() ? "eur" : "EUR", null, null));
                    }
                    hits.add(new CollectedHit(e, data, website, session, null, at, List.of()));
                }
                at = at.plusSeconds(3600 + r.nextInt(86400));
            }
        }
        return hits;
    }
}
