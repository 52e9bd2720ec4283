package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server holding one website whose hits all fall on one day (2026-06-10, UTC), sent through the public collect
 * endpoint, and that website's routes read over the day as admin: the setup the filter and search tests share.
 * Start it in {@code @BeforeAll} so that an {@code @OnPostgreSql} subclass gets its server on PostgreSQL.
 */
final class OneDaySite implements AutoCloseable {
    static final String RANGE = TestServer.range("2026-06-10T00:00:00Z", "2026-06-10T23:59:59.999Z");

    final TestServer server;
    final String site;

    /** Starts a server with one website named {@code name} (hostname example.com). */
    OneDaySite(String name) {
        server = TestServer.start();
        site = server.createWebsite(name, "example.com");
    }

    /**
     * A hit of {@code type} ({@code event}, {@code identify}) from a 1920×1080, en-US visitor in {@code country} at
     * {@code time} (HH:mm:ss); {@code fields}: the payload's further members (url, name, data).
     */
    void send(String visitor, String userAgent, String country, String type, String time, String fields) {
        send(type, visitor, time, Map.of("User-Agent", userAgent, "cf-ipcountry", country),
                "\"screen\":\"1920x1080\",\"language\":\"en-US\"," + fields);
    }

    /** A hit of {@code type} by {@code visitor} (its distinct id, JSON-escaped) at {@code time} (HH:mm:ss), with these headers only. */
    void send(String type, String visitor, String time, Map<String, String> headers, String fields) {
        String body = "{\"type\":\"" + type + "\",\"payload\":{\"website\":\"" + site + "\",\"hostname\":\"example.com\",\"id\":\"" + visitor
                + "\",\"timestamp\":" + Instant.parse("2026-06-10T" + time + "Z").getEpochSecond() + "," + fields + "}}";
        var res = server.http().send("POST", "/api/send", body, null, headers);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
    }

    /** GET the website's {@code route} (which may hold its own query) over the day with {@code params}; asserts 200. */
    JsonNode get(String route, String params) {
        return server.websiteJson(site, route + (route.contains("?") ? "&" : "?") + RANGE + (params.isEmpty() ? "" : "&" + params));
    }

    /** GET the website's {@code route} over the day with {@code params}, whatever its status (for the refusals). */
    HttpClientForTests.Response response(String route, String params) {
        return server.http().get("/api/websites/" + site + "/" + route + "?" + RANGE + "&" + params, server.adminToken());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
