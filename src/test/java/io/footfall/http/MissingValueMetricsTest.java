package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.event.CollectedHit;
import io.footfall.event.Event;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Umami never answers a metrics row for a missing value: visitors without a query string, tag, country,
 * region, city, distinct id, referrer, title or hostname simply do not appear under that type. Three
 * visitors: F has every value, N has them missing (NULL), E has them empty (""). Every type is read from the
 * rollups (tail and folded) and from the event table (a filter matching every hit forces it), for
 * {@code metrics} and {@code metrics/expanded}: all give F's row alone where N and E lack the value.
 */
class MissingValueMetricsTest {
    static final List<String> TYPES = List.of("path", "entry", "exit", "referrer", "domain", "title", "query", "hostname", "tag", "channel",
            "browser", "os", "device", "screen", "language", "country", "region", "city", "distinctId", "event");
    static final String RANGE = TestServer.range("2026-03-07T00:00:00Z", "2026-03-07T23:59:59.999Z");

    @Test
    void metricsHaveNoRowForAMissingValue() {
        try (TestServer server = TestServer.start()) {
            String site = server.createWebsite("Missing", "example.com");
            UUID w = UUID.fromString(site);
            server.append(visitor(w, "10:00", "q=1", "Title", "example.com", "t1", "google.com", "DE", "DE-BE", "Berlin", "u1"),
                    visitor(w, "11:00", null, null, null, null, null, null, null, null, null),
                    visitor(w, "12:00", "", "", "", "", "", "", "", "", ""));
            server.append(event(w, "10:01"));
            checkEveryType(server, site, "tail");
            server.fold();
            checkEveryType(server, site, "folded");
            assertThat(server.websiteJson(site, "metrics?type=query&" + RANGE).toString()).isEqualTo("[{\"x\":\"q=1\",\"y\":1}]");
            assertThat(server.websiteJson(site, "metrics?type=region&" + RANGE).toString())
                    .isEqualTo("[{\"x\":\"DE-BE\",\"y\":1,\"country\":\"DE\"}]");
            assertThat(server.websiteJson(site, "metrics?type=distinctId&" + RANGE).toString()).isEqualTo("[{\"x\":\"u1\",\"y\":1}]");
            assertThat(server.websiteJson(site, "metrics/expanded?type=tag&" + RANGE).toString()).isEqualTo(
                    "[{\"name\":\"t1\",\"pageviews\":1,\"visitors\":1,\"visits\":1,\"bounces\":1,\"totaltime\":0}]");
            assertThat(server.websiteJson(site, "metrics?type=browser&" + RANGE).toString()).isEqualTo("[{\"x\":\"chrome\",\"y\":3}]");
        }
    }

    /** Per type: no row without a value, and the rollups agree with the event table (each filter matches every hit). */
    private static void checkEveryType(TestServer server, String site, String state) {
        for (String type : TYPES) {
            for (String route : List.of("metrics", "metrics/expanded")) {
                String base = route + "?type=" + type + "&" + RANGE;
                JsonNode rows = server.websiteJson(site, base);
                String plain = rows.toString();
                for (String filter : List.of("&path=c./", "&browser=neq.none")) {
                    assertThat(server.websiteJson(site, base + filter).toString()).as(state + " " + base + filter).isEqualTo(plain);
                }
                for (JsonNode row : rows) {
                    JsonNode x = row.has("x") ? row.get("x") : row.get("name");
                    assertThat(x.isNull() || x.asText().isEmpty()).as(state + " " + base + " " + row).isFalse();
                }
                boolean onlyPresent = !List.of("path", "entry", "exit", "browser", "os", "device", "screen", "language", "channel", "event")
                        .contains(type);
                if (onlyPresent) assertThat(rows.size()).as(state + " " + base).isEqualTo(1);
            }
        }
    }

    private static CollectedHit visitor(UUID website, String time, String query, String title, String host, String tag, String referrer,
                                        String country, String region, String city, String distinctId) {
        UUID session = UUID.nameUUIDFromBytes((website + time).getBytes());
        Instant at = Instant.parse("2026-03-07T" + time + ":00Z");
        var attrs = new Event.SessionAttributes("chrome", "Windows 10", "laptop", "1920x1080", "en-US", country, region, city, distinctId);
        Event e = new Event(UUID.randomUUID(), website, session, session, at, 1, null, new Event.Page(host, "/", query, title, tag),
                new Event.Referrer(referrer, null, null), new Event.Campaign(null, null, null, null, null, null, null, null, null, null, null),
                attrs, Event.WebVitals.NONE);
        return new CollectedHit(e, List.of(), website, session, null, at, List.of());
    }

    /** A custom event of the first visitor, so that {@code type=event} has a row. */
    private static CollectedHit event(UUID website, String time) {
        UUID session = UUID.nameUUIDFromBytes((website + "10:00").getBytes());
        Instant at = Instant.parse("2026-03-07T" + time + ":00Z");
        var attrs = new Event.SessionAttributes("chrome", "Windows 10", "laptop", "1920x1080", "en-US", "DE", "DE-BE", "Berlin", "u1");
        Event e = new Event(UUID.randomUUID(), website, session, session, at, 2, "signup",
                new Event.Page("example.com", "/", "q=1", "Title", "t1"), new Event.Referrer("google.com", null, null),
                new Event.Campaign(null, null, null, null, null, null, null, null, null, null, null), attrs, Event.WebVitals.NONE);
        return new CollectedHit(e, List.of(), website, session, null, at, List.of());
    }
}
