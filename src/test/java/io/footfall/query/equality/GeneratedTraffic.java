package io.footfall.query.equality;

import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.DataType;
import io.footfall.event.Event;
import io.footfall.event.EventType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded synthetic traffic for one website, as the collector would store it: sessions with constant
 * attributes and one to four visits (a visit's hits within 30 minutes, visits further apart), views, custom
 * events (some with event data), link and pixel hits and web-vitals rows, session data on some sessions.
 * Sessions start in three eras: the last days up to now, around the autumn 2026 DST changes (Europe
 * 25 Oct, America 1 Nov) and around the spring ones (America 8 Mar, Europe 29 Mar).
 */
final class GeneratedTraffic {
    static final String[] PATHS = {"/", "/a", "/b", "/blog/x", "/blog/y", "/pricing", "/docs", "/a/b/c"};
    static final String[] QUERIES = {"", "", "", "utm_source=news", "utm_medium=cpc&utm_source=google", "gclid=1", "q=1",
            "utm_source=news&utm_medium=email&utm_campaign=spring&utm_content=banner&utm_term=shoes", "utm_campaign=autumn&utm_term=boots"};
    static final String[] REFERRERS = {null, null, "google.com", "t.co", "example.com", "news.ycombinator.com", "bing.com", "facebook.com"};
    static final String[] TITLES = {"Home", "About A", "Blog", null};
    static final String[] TAGS = {null, null, "t1", "t2"};
    static final String[] BROWSERS = {"chrome", "firefox", "safari", "edge-chromium"};
    static final String[] OSES = {"Windows 10", "Mac OS", "Linux", "iOS", "Android OS"};
    static final String[] DEVICES = {"desktop", "mobile", "tablet", "laptop"};
    static final String[] SCREENS = {"1920x1080", "390x844", "1280x800"};
    static final String[] LANGUAGES = {"en-US", "de-DE", "fr-FR", "en-GB", null};
    static final String[][] PLACES = {{"DE", "DE-BE", "Berlin"}, {"US", "US-NY", "New York"}, {"US", "US-CA", "San Francisco"},
            {"FR", "FR-IDF", "Paris"}, {"IN", null, null}, {null, null, null}};
    static final String[] EVENTS = {"signup", "click", "download", "Play video"};

    final UUID websiteId;
    final List<CollectedHit> hits = new ArrayList<>();
    final List<UUID> sessions = new ArrayList<>();
    final List<UUID> customEvents = new ArrayList<>();

    private GeneratedTraffic(UUID websiteId) {
        this.websiteId = websiteId;
    }

    static GeneratedTraffic generate(UUID websiteId, long seed, int sessionCount, Instant now) {
        GeneratedTraffic t = new GeneratedTraffic(websiteId);
        Random r = new Random(seed);
        Instant[][] eras = {
                {now.minus(Duration.ofDays(3)), now.minus(Duration.ofMinutes(2))},
                {Instant.parse("2026-10-24T12:00:00Z"), Instant.parse("2026-11-02T12:00:00Z")},
                {Instant.parse("2026-03-07T12:00:00Z"), Instant.parse("2026-03-30T12:00:00Z")}};
        for (int s = 0; s < sessionCount; s++) {
            Instant[] era = eras[s % 5 < 3 ? 0 : s % 5 == 3 ? 1 : 2];
            long span = Duration.between(era[0], era[1]).toSeconds();
            Instant start = era[0].plusSeconds((long) (r.nextDouble() * span)).plusMillis(r.nextInt(1000));
            t.session(r, start, now);
        }
        t.hits.sort(Comparator.comparing(CollectedHit::createdAt));
        return t;
    }

    private void session(Random r, Instant start, Instant now) {
        UUID session = UUID.randomUUID();
        sessions.add(session);
        String[] place = pick(r, PLACES);
        String distinctId = r.nextInt(4) == 0 ? "user-" + r.nextInt(30) : null;
        var attrs = new Event.SessionAttributes(pick(r, BROWSERS), pick(r, OSES), pick(r, DEVICES), pick(r, SCREENS),
                pick(r, LANGUAGES), place[0], place[1], place[2], distinctId);
        String host = r.nextInt(5) == 0 ? "www.example.com" : "example.com";
        Instant at = start;
        int visits = 1 + (r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0);
        boolean first = true;
        for (int v = 0; v < visits && at.isBefore(now); v++) {
            UUID visit = UUID.randomUUID();
            int count = 1 + (r.nextInt(3) == 0 ? 0 : r.nextInt(7));
            for (int h = 0; h < count && at.isBefore(now); h++) {
                hits.add(hit(r, session, visit, at, attrs, r.nextInt(10) == 0 ? otherHost(host) : host, first && r.nextInt(3) == 0));
                first = false;
                at = at.plusSeconds(5 + r.nextInt(600)).plusMillis(r.nextInt(1000));
            }
            // The next visit: after more than 30 minutes, sometimes days.
            at = at.plus(Duration.ofMinutes(31 + r.nextInt(r.nextBoolean() ? 120 : 3 * 24 * 60)));
        }
    }

    private static String otherHost(String host) {
        return host.equals("example.com") ? "www.example.com" : "example.com";
    }

    /** A query parameter's value (letters only here), or null: the UTM fields as the collector parses them from the URL. */
    private static String param(String query, String name) {
        return query.contains(name + "=") ? query.replaceAll(".*" + name + "=([a-z]+).*", "$1") : null;
    }

    private CollectedHit hit(Random r, UUID session, UUID visit, Instant at, Event.SessionAttributes attrs, String host,
                             boolean withSessionData) {
        int roll = r.nextInt(100);
        int type = roll < 68 ? EventType.PAGEVIEW : roll < 86 ? EventType.CUSTOM_EVENT : roll < 91 ? EventType.LINK
                : roll < 95 ? EventType.PIXEL : EventType.PERFORMANCE;
        String query = pick(r, QUERIES);
        var campaign = new Event.Campaign(param(query, "utm_source"), param(query, "utm_medium"), param(query, "utm_campaign"),
                param(query, "utm_content"), param(query, "utm_term"), query.contains("gclid") ? "1" : null,
                null, null, null, null, null);
        String referrer = pick(r, REFERRERS);
        UUID eventId = UUID.randomUUID();
        Event e = new Event(eventId, websiteId, session, visit, at, type, type == EventType.CUSTOM_EVENT ? pick(r, EVENTS) : null,
                new Event.Page(host, pick(r, PATHS), query, pick(r, TITLES), pick(r, TAGS)),
                referrer == null ? Event.Referrer.NONE : new Event.Referrer(referrer, "/", null), campaign, attrs,
                type == EventType.PERFORMANCE ? new Event.WebVitals(1200.0 + r.nextInt(900), 80.0, 0.05, 900.0, 300.0) : Event.WebVitals.NONE);
        List<DataField> eventData = List.of();
        if (type == EventType.CUSTOM_EVENT) {
            customEvents.add(eventId);
            if (r.nextBoolean()) {
                eventData = new ArrayList<>();
                eventData.add(new DataField("plan", DataType.STRING, pick(r, new String[]{"free", "pro", "team"}), null, null));
                if (r.nextBoolean()) eventData.add(new DataField("amount", DataType.NUMBER, null, BigDecimal.valueOf(r.nextInt(5) * 10 + 5).setScale(4), null));
                if (r.nextInt(4) == 0) eventData.add(new DataField("flag", DataType.BOOLEAN, r.nextBoolean() ? "true" : "false", null, null));
            }
        }
        List<DataField> sessionData = !withSessionData ? List.of() : List.of(
                new DataField("tier", DataType.STRING, pick(r, new String[]{"gold", "silver", "bronze"}), null, null),
                new DataField("age", DataType.NUMBER, null, BigDecimal.valueOf(18 + r.nextInt(5)).setScale(4), null));
        return new CollectedHit(e, eventData, websiteId, session, attrs.distinctId(), at.truncatedTo(ChronoUnit.MILLIS), sessionData);
    }

    static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
