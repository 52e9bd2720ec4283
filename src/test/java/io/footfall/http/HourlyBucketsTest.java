package io.footfall.http;

import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.footfall.testing.Traffic.CHROME_WIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Umami 3.1 keeps {@code unit=hour} for ranges up to 30 whole days and {@code unit=day} up to 6 calendar
 * months (the 48-hour limit is its date picker's, not the API's). One visitor: pageviews at 10:05 and 10:06
 * UTC on 7 March 2026 and a custom event at 10:07.
 */
class HourlyBucketsTest {
    static TestServer server;
    static String site;
    static final Instant T = Instant.parse("2026-03-07T10:00:00Z");

    @BeforeAll
    static void start() {
        server = TestServer.start();
        site = server.createWebsite("Hourly", "example.com");
        new Traffic(server, site).visitor("A", CHROME_WIN, "DE", null, null)
                .view("2026-03-07T10:05:00Z", "/", null)
                .view("2026-03-07T10:06:00Z", "/pricing", null)
                .event("2026-03-07T10:07:00Z", "/pricing", "signup");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String range(Duration before, Duration after) {
        return "startAt=" + T.minus(before).toEpochMilli() + "&endAt=" + T.plus(after).toEpochMilli();
    }

    @Test
    void threeDaysKeepHourlyBuckets() {
        String q = "pageviews?unit=hour&timezone=UTC&" + range(Duration.ofDays(3), Duration.ofHours(2));
        var j = server.websiteJson(site, q);
        assertThat(j.get("pageviews").toString()).isEqualTo("[{\"x\":\"2026-03-07 10:00:00\",\"y\":2}]");
        assertThat(j.get("sessions").toString()).isEqualTo("[{\"x\":\"2026-03-07 10:00:00\",\"y\":1}]");
        assertThat(server.websiteJson(site, "pageviews?unit=hour&" + range(Duration.ofDays(3), Duration.ofHours(2))).get("pageviews").toString())
                .isEqualTo("[{\"x\":\"2026-03-07T10:00:00Z\",\"y\":2}]");
        assertThat(server.websiteJson(site, "events/series?unit=hour&timezone=UTC&" + range(Duration.ofDays(3), Duration.ofHours(2))).toString())
                .isEqualTo("[{\"x\":\"signup\",\"t\":\"2026-03-07 10:00:00\",\"y\":1}]");
    }

    @Test
    void thirtyWholeDaysKeepHourlyBuckets() {
        String r = range(Duration.ofDays(29), Duration.ofDays(1).plusHours(13)); // 30 days and 13 hours
        assertThat(server.websiteJson(site, "pageviews?unit=hour&timezone=UTC&" + r).get("pageviews").toString())
                .isEqualTo("[{\"x\":\"2026-03-07 10:00:00\",\"y\":2}]");
        assertThat(server.websiteJson(site, "events/series?unit=hour&timezone=UTC&" + r).toString())
                .isEqualTo("[{\"x\":\"signup\",\"t\":\"2026-03-07 10:00:00\",\"y\":1}]");
        // A filter reads the event table: the same buckets.
        assertThat(server.websiteJson(site, "pageviews?unit=hour&timezone=UTC&path=c./&" + r).get("pageviews").toString())
                .isEqualTo("[{\"x\":\"2026-03-07 10:00:00\",\"y\":2}]");
    }

    @Test
    void pastThirtyWholeDaysHourWidensToDay() {
        String r = range(Duration.ofDays(30), Duration.ofDays(1)); // 31 days
        assertThat(server.websiteJson(site, "pageviews?unit=hour&timezone=UTC&" + r).get("pageviews").toString())
                .isEqualTo("[{\"x\":\"2026-03-07 00:00:00\",\"y\":2}]");
    }

    @Test
    void dayIsKeptUpToSixCalendarMonthsThenMonth() {
        // 1 Oct 2025 to 7 Apr 2026: six calendar months apart, more than six months long.
        String sixMonths = "startAt=" + Instant.parse("2025-10-01T00:00:00Z").toEpochMilli() + "&endAt=" + Instant.parse("2026-04-07T00:00:00Z").toEpochMilli();
        assertThat(server.websiteJson(site, "pageviews?unit=day&timezone=UTC&" + sixMonths).get("pageviews").toString())
                .isEqualTo("[{\"x\":\"2026-03-07 00:00:00\",\"y\":2}]");
        String sevenMonths = "startAt=" + Instant.parse("2025-09-30T00:00:00Z").toEpochMilli() + "&endAt=" + Instant.parse("2026-04-07T00:00:00Z").toEpochMilli();
        assertThat(server.websiteJson(site, "pageviews?unit=day&timezone=UTC&" + sevenMonths).get("pageviews").toString())
                .isEqualTo("[{\"x\":\"2026-03-01 00:00:00\",\"y\":2}]");
    }

    @Test
    void minuteIsKeptUpToSixtyMinutes() {
        String hour = range(Duration.ZERO, Duration.ofHours(1));
        assertThat(server.websiteJson(site, "pageviews?unit=minute&timezone=UTC&" + hour).get("pageviews").toString())
                .isEqualTo("[{\"x\":\"2026-03-07 10:05:00\",\"y\":1},{\"x\":\"2026-03-07 10:06:00\",\"y\":1}]");
        String more = range(Duration.ZERO, Duration.ofMinutes(61));
        assertThat(server.websiteJson(site, "pageviews?unit=minute&timezone=UTC&" + more).get("pageviews").toString())
                .isEqualTo("[{\"x\":\"2026-03-07 10:00:00\",\"y\":2}]");
    }
}
