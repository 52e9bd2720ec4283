package io.footfall.http;

import io.footfall.testing.RawHttp;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Input that once gave a 500 or was taken for something it is not: each is a 400 with a message, and nothing is stored. */
class MalformedInputTest {
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";
    static TestServer server;
    static String site;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        site = server.createWebsite("Malformed", "malformed.example");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String hit(String website, String dataJson) {
        return "{\"type\":\"event\",\"payload\":{\"website\":\"" + website + "\",\"hostname\":\"malformed.example\",\"url\":\"/\""
                + (dataJson == null ? "" : ",\"name\":\"e\",\"data\":" + dataJson) + "}}";
    }

    static HttpClientResponse send(String body) {
        var res = server.http().send("POST", "/api/send", body, null, Map.of("User-Agent", FIREFOX));
        return new HttpClientResponse(res.status(), res.status() >= 400 ? res.json().get("error").get("message").asText() : "");
    }

    record HttpClientResponse(int status, String message) {
    }

    static long stored() {
        return server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", site);
    }

    @Test
    void dataNumbersBeyondADoubleAre400() {
        long before = stored();
        assertThat(send(hit(site, "{\"n\":1e400}"))).isEqualTo(
                new HttpClientResponse(400, "'data.n' is a number beyond the range of a double"));
        assertThat(send(hit(site, "{\"n\":-1e999}")).status()).isEqualTo(400);
        assertThat(send(hit(site, "{\"a\":{\"b\":[1,2,1e400]}}"))).isEqualTo(
                new HttpClientResponse(400, "'data.a.b[2]' is a number beyond the range of a double"));
        assertThat(send(hit(site, "{\"big\":1" + "0".repeat(400) + "}")).status()).isEqualTo(400);
        assertThat(stored()).isEqualTo(before);
        // The largest finite values are still numbers a client may send.
        assertThat(send(hit(site, "{\"n\":1.7976931348623157e308}")).status()).isEqualTo(200);
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void junkAfterTheJsonValueIs400() {
        long before = stored();
        HttpClientResponse junk = send(hit(site, null) + "GARBAGE");
        assertThat(junk.status()).isEqualTo(400);
        assertThat(junk.message()).startsWith("Malformed JSON");
        assertThat(send(hit(site, null) + hit(site, null)).status()).isEqualTo(400);
        assertThat(send(hit(site, null) + " 1").status()).isEqualTo(400);
        assertThat(server.http().post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"umami\"}x", null).status())
                .isEqualTo(400);
        assertThat(stored()).isEqualTo(before);
        assertThat(send(hit(site, null) + " \r\n\t").status()).isEqualTo(200);
    }

    @Test
    void idsWithNonAsciiDigitsAreNotTheAsciiId() {
        long before = stored();
        for (String digit : new String[]{"\uFF11", "\u0661", "\u0967"}) {
            // The site id with its first hexadecimal digit that is a digit replaced by a look-alike.
            int at = firstDigit(site);
            String lookalike = site.substring(0, at) + digit + site.substring(at + 1);
            assertThat(send(hit(lookalike, null))).isEqualTo(new HttpClientResponse(400, "'website' must be a UUID"));
            var path = server.http().get("/api/websites/" + java.net.URLEncoder.encode(lookalike, StandardCharsets.UTF_8)
                    + "/stats?startAt=0&endAt=1", server.adminToken());
            assertThat(path.status()).isEqualTo(400);
            assertThat(path.json().get("error").get("message").asText()).isEqualTo("'websiteId' must be a UUID");
            var segment = server.http().get("/api/websites/" + site + "/stats?startAt=0&endAt=1&segment="
                    + java.net.URLEncoder.encode(lookalike, StandardCharsets.UTF_8), server.adminToken());
            assertThat(segment.status()).isEqualTo(400);
            assertThat(segment.json().get("error").get("message").asText()).isEqualTo("'segment' must be a UUID");
        }
        assertThat(stored()).isEqualTo(before);
        assertThat(send(hit(site.toUpperCase(), null)).status()).isEqualTo(200);
    }

    static int firstDigit(String id) {
        for (int i = 0; i < id.length(); i++) if (Character.isDigit(id.charAt(i))) return i;
        throw new AssertionError("no digit in " + id);
    }

    static String head(String extra) {
        return "POST /api/send HTTP/1.1\r\nHost: x\r\nUser-Agent: " + FIREFOX + "\r\nContent-Type: application/json\r\n" + extra + "\r\n";
    }

    @Test
    void bodiesCutShortOrBadlyFramedAre400() {
        long before = stored();
        String body = hit(site, null);
        int port = server.server().port();
        RawHttp.Answer shortBody = RawHttp.exchange(port, head("Content-Length: 500\r\n") + body, 10_000);
        assertThat(shortBody.status()).isEqualTo(400);
        assertThat(shortBody.body()).contains("\"message\":\"Request body is incomplete or badly framed\"");
        RawHttp.Answer cutChunk = RawHttp.exchange(port, head("Transfer-Encoding: chunked\r\n") + "c8\r\n" + body, 10_000);
        assertThat(cutChunk.status()).isEqualTo(400);
        RawHttp.Answer badSize = RawHttp.exchange(port, head("Transfer-Encoding: chunked\r\n") + "ZZ\r\n" + body + "\r\n0\r\n\r\n", 10_000);
        assertThat(badSize.status()).isEqualTo(400);
        RawHttp.Answer hugeSize = RawHttp.exchange(port,
                head("Transfer-Encoding: chunked\r\n") + "FFFFFFFFFFFFFFFFFFFF\r\n" + body + "\r\n0\r\n\r\n", 10_000);
        assertThat(hugeSize.status()).isEqualTo(400);
        assertThat(stored()).isEqualTo(before);
        // The same body whole is stored.
        RawHttp.Answer whole = RawHttp.exchange(port, head("Content-Length: " + body.length() + "\r\n") + body, 10_000);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(stored()).isEqualTo(before + 1);
    }
}
