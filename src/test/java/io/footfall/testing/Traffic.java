package io.footfall.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a known data set by sending hits through the public collect endpoint ({@code POST /api/send})
 * with explicit timestamps. Each visitor is a distinct id, so its session is fixed; a new visit starts
 * after 30 minutes without a hit, exactly as for real traffic. Send hits of one visitor in time order.
 */
public final class Traffic {
    public static final String CHROME_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    public static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private final TestServer server;
    private final String websiteId;

    public Traffic(TestServer server, String websiteId) {
        this.server = server;
        this.websiteId = websiteId;
    }

    /** A visitor: user agent, screen, CDN geo headers (country, region suffix, city; any may be null). */
    public Visitor visitor(String id, String userAgent, String country, String region, String city) {
        return new Visitor(id, userAgent, country, region, city);
    }

    public final class Visitor {
        private final String id;
        private final String userAgent;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Visitor(String id, String userAgent, String country, String region, String city) {
            this.id = id;
            this.userAgent = userAgent;
            headers.put("User-Agent", userAgent);
            if (country != null) headers.put("cf-ipcountry", country);
            if (region != null) headers.put("cf-region-code", region);
            if (city != null) headers.put("cf-ipcity", city);
        }

        /** A pageview of {@code url} (path with optional query) at {@code at}, with an optional referrer URL. */
        public Visitor view(String at, String url, String referrer) {
            send(at, "\"url\":" + TestServer.quote(url) + (referrer == null ? "" : ",\"referrer\":" + TestServer.quote(referrer)));
            return this;
        }

        /** A custom event on {@code url}. */
        public Visitor event(String at, String url, String name) {
            send(at, "\"url\":" + TestServer.quote(url) + ",\"name\":" + TestServer.quote(name));
            return this;
        }

        /** A custom event on {@code url} with event data ({@code data}: a JSON object). */
        public Visitor eventWithData(String at, String url, String name, String data) {
            send(at, "\"url\":" + TestServer.quote(url) + ",\"name\":" + TestServer.quote(name) + ",\"data\":" + data);
            return this;
        }

        private void send(String at, String fields) {
            long seconds = Instant.parse(at).getEpochSecond();
            String body = "{\"type\":\"event\",\"payload\":{\"website\":\"" + websiteId + "\",\"hostname\":\"example.com\","
                    + "\"language\":\"en-US\",\"screen\":\"1920x1080\",\"title\":\"Example\",\"id\":" + TestServer.quote(id)
                    + ",\"timestamp\":" + seconds + "," + fields + "}}";
            var res = server.http().send("POST", "/api/send", body, null, headers);
            if (res.status() != 200 || !res.body().contains("sessionId")) {
                throw new IllegalStateException("send failed: " + res.status() + " " + res.body());
            }
        }
    }
}
