package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A known data set sent through {@code /api/send} to a fresh server, for the sessions and event data API tests:
 * <ul>
 * <li>A: anonymous Chrome on Windows in Berlin; Wed 2026-03-04 10:00 {@code /}, 10:05 {@code /pricing},
 * 10:06 custom event {@code signup} with typed data, identify (no id) 10:07, a web-vitals hit 12:10
 * (never counted), and a second visit at 11:00 {@code /}.</li>
 * <li>B: anonymous Safari on iPhone in San Francisco; Thu 2026-03-05 23:30 {@code /}, 23:40 {@code signup},
 * identify 23:41.</li>
 * <li>C: distinct id {@code user-42}, Firefox on Linux in Hamburg; identify Fri 2026-03-06 08:00, views on
 * two hostnames 08:01 and 08:02, event {@code download} 08:03, a second identify 08:05 replacing one key.</li>
 * <li>ghost: an identify with distinct id and no events at all.</li>
 * </ul>
 */
abstract class KnownTraffic {
    static final String CHROME_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    static final String MARCH = "startAt=" + Instant.parse("2026-03-01T00:00:00Z").toEpochMilli()
            + "&endAt=" + Instant.parse("2026-03-31T23:59:59Z").toEpochMilli();

    static TestServer server;
    static String website;
    static String sessionA;
    static String sessionB;
    static String sessionC;
    static String sessionGhost;

    @BeforeAll
    static void sendKnownTraffic() {
        server = TestServer.start();
        website = server.createWebsite("Sessions", "example.com");
        Visitor a = new Visitor(CHROME_WIN, "1920x1080", "8.8.8.1", "de-DE", "DE", "BE", "Berlin", null);
        Visitor b = new Visitor(SAFARI_IPHONE, "390x844", "8.8.8.2", "en-US", "US", "CA", "San Francisco", null);
        Visitor c = new Visitor(FIREFOX_LINUX, "1536x864", "8.8.8.3", "en-GB", "DE", "HH", "Hamburg", "user-42");
        Visitor ghost = new Visitor(FIREFOX_LINUX, "1536x864", "8.8.8.4", "en-GB", "FR", null, null, "ghost");

        sessionA = a.view("2026-03-04T10:00:00Z", "example.com", "/");
        a.view("2026-03-04T10:05:00Z", "example.com", "/pricing");
        a.event("2026-03-04T10:06:00Z", "example.com", "/pricing", "signup", """
                {"plan":"pro","seats":3,"price":19.99,"trial":true,"started":"2026-03-01T12:34:56Z","tags":["a","b"],
                 "meta":{"source":{"campaign":"spring"}},"revenue":49.5,"currency":"EUR"}""");
        a.identify("2026-03-04T10:07:00Z", """
                {"email":"a@x.io","plan":"pro","age":33}""");
        a.view("2026-03-04T11:00:00Z", "example.com", "/");
        a.send("performance", "2026-03-04T12:10:00Z", "\"hostname\":\"example.com\",\"url\":\"https://example.com/\",\"lcp\":1200");

        sessionB = b.view("2026-03-05T23:30:00Z", "example.com", "/");
        b.event("2026-03-05T23:40:00Z", "example.com", "/", "signup", """
                {"plan":"free","seats":1,"trial":false,"currency":"EUR"}""");
        b.identify("2026-03-05T23:41:00Z", """
                {"email":"b@y.io","plan":"pro"}""");

        sessionC = c.identify("2026-03-06T08:00:00Z", """
                {"email":"c@z.io","plan":"pro"}""");
        c.view("2026-03-06T08:01:00Z", "docs.example.com", "/docs");
        c.view("2026-03-06T08:02:00Z", "example.com", "/");
        c.event("2026-03-06T08:03:00Z", "example.com", "/", "download", """
                {"file":"guide.pdf","size":1024}""");
        c.identify("2026-03-06T08:05:00Z", """
                {"plan":"team","age":40,"since":"2025-12-24T18:45:00Z"}""");

        sessionGhost = ghost.identify("2026-03-06T09:00:00Z", """
                {"email":"ghost@x.io"}""");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One browser sending hits; {@code distinctId} makes every hit carry the payload {@code id}. */
    record Visitor(String userAgent, String screen, String ip, String language, String country, String region, String city,
                   String distinctId, String site) {
        Visitor(String userAgent, String screen, String ip, String language, String country, String region, String city,
                String distinctId) {
            this(userAgent, screen, ip, language, country, region, city, distinctId, null);
        }

        String view(String at, String host, String path) {
            return send("event", at, "\"hostname\":\"" + host + "\",\"url\":\"https://" + host + path + "\"");
        }

        String event(String at, String host, String path, String name, String data) {
            return send("event", at, "\"hostname\":\"" + host + "\",\"url\":\"https://" + host + path + "\",\"name\":\""
                    + name + "\",\"data\":" + data);
        }

        String identify(String at, String data) {
            return send("identify", at, "\"data\":" + data);
        }

        String send(String type, String at, String fields) {
            String body = "{\"type\":\"" + type + "\",\"payload\":{\"website\":\"" + (site == null ? website : site) + "\",\"screen\":\"" + screen + "\","
                    + "\"language\":\"" + language + "\",\"timestamp\":" + Instant.parse(at).getEpochSecond()
                    + (distinctId == null ? "" : ",\"id\":\"" + distinctId + "\"") + "," + fields + "}}";
            Map<String, String> headers = new HashMap<>();
            headers.put("User-Agent", userAgent);
            headers.put("X-Forwarded-For", ip);
            headers.put("cf-ipcountry", country);
            if (region != null) headers.put("cf-region-code", region);
            if (city != null) headers.put("cf-ipcity", city);
            var res = server.http().send("POST", "/api/send", body, null, headers);
            assertThat(res.status()).as(res.body()).isEqualTo(200);
            return res.json().get("sessionId").asText();
        }
    }

    static HttpClientForTests.Response get(String path) {
        return server.http().get("/api/websites/" + website + path, server.adminToken());
    }

    static JsonNode json(String path) {
        var res = get(path);
        assertThat(res.status()).as(path + " → " + res.body()).isEqualTo(200);
        return res.json();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : list.get("data")) out.add(row.get("id").asText() + "@" + row.get("hostname").asText());
        return out;
    }
}
