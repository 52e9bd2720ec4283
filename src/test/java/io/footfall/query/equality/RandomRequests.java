package io.footfall.query.equality;

import io.footfall.query.QueryParams;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random statistics requests as query strings (parsed by the same {@link QueryParams} the HTTP layer uses):
 * ranges ending now, cutting hours and days, or whole local days as the dashboard asks (midnight to
 * 23:59:59.999 in the zone), around the generated traffic's DST changes; every unit; zones with DST, half-
 * and quarter-hour offsets; zero to three filters of every operator, sometimes {@code match=any}; search and paging.
 */
final class RandomRequests {
    static final String[] ZONES = {null, "utc", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
            "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham"};
    static final String[] UNITS = {null, "minute", "hour", "day", "month", "year"};
    static final String[] FILTERS = {"country=DE", "country=neq.DE", "country=DE,FR", "browser=chrome", "os=c.Win", "os=dnc.Mac",
            "device=mobile", "city=Berlin", "region=US-NY", "language=c.en", "path=/a", "path=c.blog", "path=re.^/blog",
            "path=nre.^/a", "referrer=google.com", "referrer=s.", "referrer=ns.", "title=c.About", "query=c.utm", "hostname=www.example.com",
            "event=signup", "event=c.Play", "tag=t1", "utmSource=google", "utmMedium=neq.cpc", "utmCampaign=c.spr", "utmTerm=s.", "distinctId=s.", "distinctId=c.user-1", "screen=390x844",
            "entry=/a", "exit=c.blog", "country=ns.", "city=dnc.Paris"};
    static final String[] METRICS = {"path", "entry", "exit", "title", "query", "referrer", "domain", "channel", "hostname", "tag",
            "browser", "os", "device", "screen", "language", "country", "region", "city", "event", "distinctId",
            "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm"};
    static final String[] EXPANDED = {"path", "entry", "exit", "referrer", "channel", "browser", "os", "country", "city", "event", "query",
            "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm"};
    static final String[] SEARCHES = {"a", "blog", "chrome", "Win", "e", "user"};

    private final Random r;
    private final Instant now;
    private final GeneratedTraffic traffic;

    RandomRequests(Random r, Instant now, GeneratedTraffic traffic) {
        this.r = r;
        this.now = now;
        this.traffic = traffic;
    }

    record Request(Map<String, String> query) {
        QueryParams.Source source() {
            return new QueryParams.Source() {
                @Override
                public String get(String name) {
                    String v = query.get(name);
                    return v == null || v.isEmpty() ? null : v;
                }

                @Override
                public Set<String> names() {
                    return query.keySet();
                }
            };
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            query.forEach((k, v) -> s.append(s.isEmpty() ? "" : "&").append(k).append('=').append(v));
            s.append(" [").append(Instant.ofEpochMilli(Long.parseLong(query.get("startAt")))).append(" .. ")
                    .append(Instant.ofEpochMilli(Long.parseLong(query.get("endAt")))).append(']');
            return s.toString();
        }
    }

    Request next() {
        Map<String, String> q = new LinkedHashMap<>();
        String zoneName = GeneratedTraffic.pick(r, ZONES);
        ZoneId zone = zoneName == null || zoneName.equals("utc") ? ZoneId.of("UTC") : ZoneId.of(zoneName);
        Instant[] range = range(zone);
        q.put("startAt", Long.toString(range[0].toEpochMilli()));
        q.put("endAt", Long.toString(range[1].toEpochMilli()));
        String unit = GeneratedTraffic.pick(r, UNITS);
        if (unit != null) q.put("unit", unit);
        if (zoneName != null) q.put("timezone", zoneName);
        int filters = r.nextInt(10) < 4 ? 0 : 1 + r.nextInt(3);
        Map<String, Integer> used = new LinkedHashMap<>();
        for (int i = 0; i < filters; i++) {
            String f = GeneratedTraffic.pick(r, FILTERS);
            int eq = f.indexOf('=');
            String name = f.substring(0, eq);
            int n = used.merge(name, 1, Integer::sum);
            q.put(n == 1 ? name : name + n, f.substring(eq + 1));
        }
        if (filters > 1 && r.nextInt(3) == 0) q.put("match", "any");
        if (r.nextInt(6) == 0) q.put("search", GeneratedTraffic.pick(r, SEARCHES));
        if (r.nextInt(4) == 0) {
            q.put("page", Integer.toString(1 + r.nextInt(3)));
            q.put("pageSize", Integer.toString(1 + r.nextInt(15)));
        }
        if (r.nextInt(4) == 0) {
            q.put("limit", Integer.toString(1 + r.nextInt(5)));
            q.put("offset", Integer.toString(r.nextInt(3)));
        }
        return new Request(q);
    }

    /** A range: ending now, random instants, or whole local days; near one of the traffic's eras. */
    private Instant[] range(ZoneId zone) {
        int kind = r.nextInt(6);
        Instant anchor = switch (r.nextInt(4)) {
            case 0, 1 -> now;
            case 2 -> Instant.parse("2026-11-01T12:00:00Z").plus(Duration.ofHours(r.nextInt(240) - 200));
            default -> Instant.parse("2026-03-20T00:00:00Z").plus(Duration.ofHours(r.nextInt(480) - 300));
        };
        Duration length = switch (r.nextInt(5)) {
            case 0 -> Duration.ofMinutes(1 + r.nextInt(90));
            case 1 -> Duration.ofHours(1 + r.nextInt(48));
            case 2 -> Duration.ofDays(1 + r.nextInt(10));
            case 3 -> Duration.ofDays(20 + r.nextInt(40));
            default -> Duration.ofDays(200 + r.nextInt(300));
        };
        return switch (kind) {
            case 0 -> new Instant[]{now.minus(length), now};
            case 1 -> {
                Instant end = anchor.minusSeconds(r.nextInt(3600 * 5)).minusMillis(r.nextInt(1000));
                yield new Instant[]{end.minus(length).plusSeconds(r.nextInt(3600)), end};
            }
            case 2, 3 -> {
                // Whole local days, as the dashboard asks: midnight to 23:59:59.999 of the last day.
                LocalDate last = anchor.atZone(zone).toLocalDate();
                long days = Math.max(1, Math.min(length.toDays(), 400));
                Instant start = last.minusDays(days - 1).atStartOfDay(zone).toInstant();
                Instant end = last.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
                yield new Instant[]{start, end};
            }
            case 4 -> {
                // Whole UTC hours.
                Instant end = anchor.truncatedTo(ChronoUnit.HOURS);
                yield new Instant[]{end.minus(length).truncatedTo(ChronoUnit.HOURS), end.minusMillis(r.nextBoolean() ? 1 : 0)};
            }
            default -> {
                // All time.
                Instant first = traffic.hits.getFirst().createdAt();
                yield new Instant[]{first.minus(Duration.ofDays(r.nextInt(3))), now};
            }
        };
    }

    List<String> metricTypes() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) out.add(GeneratedTraffic.pick(r, METRICS));
        return out;
    }

    List<String> expandedTypes() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) out.add(GeneratedTraffic.pick(r, EXPANDED));
        return out;
    }
}
