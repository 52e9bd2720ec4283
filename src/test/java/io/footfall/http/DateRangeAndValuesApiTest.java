package io.footfall.http;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two routes behind the dashboard's date picker and filter pickers, over {@link KnownTraffic} plus a second
 * website with referrers and a path holding {@code %} and {@code _}.
 */
class DateRangeAndValuesApiTest extends KnownTraffic {
    static String referred;

    @BeforeAll
    static void sendReferredTraffic() {
        referred = server.createWebsite("Referred", "shop.example");
        Visitor v = new Visitor(CHROME_WIN, "1920x1080", "8.8.8.9", "en-US", "DE", null, null, null, referred);
        v.send("event", "2026-03-10T09:00:00Z", "\"hostname\":\"shop.example\",\"url\":\"https://shop.example/100%25_off\","
                + "\"referrer\":\"https://www.google.com/search?q=x\"");
        v.send("event", "2026-03-10T09:01:00Z", "\"hostname\":\"shop.example\",\"url\":\"https://shop.example/1000off\","
                + "\"referrer\":\"https://shop.example/100%25_off\"");
        v.send("event", "2026-03-10T09:02:00Z", "\"hostname\":\"shop.example\",\"url\":\"https://shop.example/cart\","
                + "\"referrer\":\"https://news.ycombinator.com/item\"");
    }

    static String values(String site, String query) {
        var res = server.http().get("/api/websites/" + site + "/values?" + MARCH + "&" + query, server.adminToken());
        assertThat(res.status()).as(query + " → " + res.body()).isEqualTo(200);
        return res.json().toString();
    }

    static String row(String value, int count) {
        return "{\"value\":\"" + value + "\",\"count\":" + count + "}";
    }

    @Test
    void dateRangeIsTheFirstAndLastEvent() {
        assertThat(json("/daterange").toString())
                .isEqualTo("{\"startDate\":\"2026-03-04T10:00:00.000Z\",\"endDate\":\"2026-03-06T08:03:00.000Z\"}");
    }

    @Test
    void dateRangeOfAWebsiteWithoutEventsIsNull() {
        String empty = server.createWebsite("Empty", "empty.example");
        var res = server.http().get("/api/websites/" + empty + "/daterange", server.adminToken());
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().toString()).isEqualTo("{\"startDate\":null,\"endDate\":null}");
        var unknown = server.http().get("/api/websites/00000000-0000-4000-8000-000000000000/daterange", server.adminToken());
        assertThat(unknown.json().toString()).isEqualTo("{\"startDate\":null,\"endDate\":null}");
    }

    @Test
    void anAdminAskingAboutAnUnknownWebsiteGetsEmptyAnswers() {
        String unknown = "/api/websites/00000000-0000-4000-8000-000000000000/";
        String token = server.adminToken();
        assertThat(server.http().get(unknown + "values?" + MARCH + "&type=path", token).body()).isEqualTo("[]");
        assertThat(server.http().get(unknown + "event-data?" + MARCH, token).body())
                .isEqualTo("{\"data\":[],\"count\":0,\"page\":1,\"pageSize\":20}");
        assertThat(server.http().get(unknown + "revenue/sessions?currency=EUR&" + MARCH, token).body())
                .isEqualTo("{\"data\":[],\"count\":0,\"page\":1,\"pageSize\":20}");
        var export = server.http().get(unknown + "export?" + MARCH, token);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().get("zip").asText()).isNotEmpty();
    }

    @Test
    void valuesCountEventsPerValueMostFirst() {
        assertThat(values(website, "type=path")).isEqualTo("[" + row("/", 7) + "," + row("/pricing", 2) + "," + row("/docs", 1) + "]");
        assertThat(values(website, "type=browser")).isEqualTo("[" + row("chrome", 5) + "," + row("firefox", 3) + "," + row("ios", 2) + "]");
        assertThat(values(website, "type=event")).isEqualTo("[" + row("signup", 2) + "," + row("download", 1) + "]");
        assertThat(values(website, "type=hostname")).isEqualTo("[" + row("example.com", 9) + "," + row("docs.example.com", 1) + "]");
        assertThat(values(website, "type=country")).isEqualTo("[" + row("DE", 8) + "," + row("US", 2) + "]");
        assertThat(values(website, "type=distinctId")).isEqualTo("[" + row("user-42", 3) + "]");
    }

    @Test
    void valuesNeverListAMissingValue() {
        assertThat(values(website, "type=referrer")).isEqualTo("[]");
        assertThat(values(website, "type=utmSource")).isEqualTo("[]");
        assertThat(values(website, "type=query")).isEqualTo("[]");
    }

    @Test
    void valuesOnlyCountTheRange() {
        String fifth = "startAt=" + Instant.parse("2026-03-05T00:00:00Z").toEpochMilli()
                + "&endAt=" + Instant.parse("2026-03-05T23:59:59.999Z").toEpochMilli();
        var res = server.http().get("/api/websites/" + website + "/values?" + fifth + "&type=path", server.adminToken());
        assertThat(res.json().toString()).isEqualTo("[" + row("/", 2) + "]");
    }

    @Test
    void searchIsCaseInsensitiveLiteralAndCommasMeanAny() {
        assertThat(values(website, "type=path&search=PRIC")).isEqualTo("[" + row("/pricing", 2) + "]");
        assertThat(values(website, "type=path&search=" + enc("docs,pric"))).isEqualTo("[" + row("/pricing", 2) + "," + row("/docs", 1) + "]");
        assertThat(values(referred, "type=path&search=" + enc("0%_"))).isEqualTo("[" + row("/100%_off", 1) + "]");
        assertThat(values(referred, "type=path&search=" + enc("%"))).isEqualTo("[" + row("/100%_off", 1) + "]");
        assertThat(values(website, "type=path&search=" + enc("' OR 1=1 --"))).isEqualTo("[]");
    }

    @Test
    void referrerValuesLeaveOutTheSiteItself() {
        assertThat(values(referred, "type=referrer")).isEqualTo("[" + row("google.com", 1) + "," + row("news.ycombinator.com", 1) + "]");
    }

    @Test
    void badTypeOrRangeIs400AndStrangersGet401() {
        for (String q : new String[]{"type=url", "type=nope", "type=" + enc("path; DROP TABLE event")}) {
            var res = get("/values?" + MARCH + "&" + q);
            assertThat(res.status()).as(q).isEqualTo(400);
            assertThat(res.json().at("/error/message").asText()).as(q).startsWith("Invalid type");
        }
        assertThat(get("/values?" + MARCH).status()).isEqualTo(400);
        assertThat(get("/values?type=path").status()).isEqualTo(400);
        assertThat(get("/values?type=path&startAt=x&endAt=1").status()).isEqualTo(400);
        assertThat(server.http().get("/api/websites/" + website + "/values?" + MARCH + "&type=path", null).status()).isEqualTo(401);
        assertThat(server.http().get("/api/websites/" + website + "/daterange", null).status()).isEqualTo(401);
        server.createUser("stranger", "stranger-pass", "user");
        String stranger = server.login("stranger", "stranger-pass");
        assertThat(server.http().get("/api/websites/" + website + "/values?" + MARCH + "&type=path", stranger).status()).isEqualTo(401);
        assertThat(server.http().get("/api/websites/" + website + "/daterange", stranger).status()).isEqualTo(401);
    }
}
