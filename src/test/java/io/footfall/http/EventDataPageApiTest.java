package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/websites/:id/event-data} over {@link KnownTraffic}: three events carry data — A's {@code signup}
 * (nine properties, 2026-03-04 10:06), B's {@code signup} (four, 03-05 23:40), C's {@code download} (two, 03-06 08:03).
 */
class EventDataPageApiTest extends KnownTraffic {

    static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : page.get("data")) out.add(e.get("eventName").asText() + ":" + e.get("eventProperties").size());
        return out;
    }

    @Test
    void eventsWithDataNewestFirstEachWithItsRows() {
        JsonNode page = json("/event-data?" + MARCH);
        assertThat(page.get("count").asLong()).isEqualTo(3);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("pageSize").asInt()).isEqualTo(20);
        assertThat(names(page)).containsExactly("download:2", "signup:4", "signup:9");
        JsonNode download = page.get("data").get(0);
        String eventId = download.get("eventId").asText();
        assertThat(download.toString()).isEqualTo("{\"websiteId\":\"" + website + "\",\"eventId\":\"" + eventId
                + "\",\"eventName\":\"download\",\"eventProperties\":["
                + "{\"dataKey\":\"file\",\"stringValue\":\"guide.pdf\",\"numberValue\":null,\"dateValue\":null,\"dataType\":1,"
                + "\"createdAt\":\"2026-03-06T08:03:00.000Z\"},"
                + "{\"dataKey\":\"size\",\"stringValue\":\"1024.0000\",\"numberValue\":1024,\"dateValue\":null,\"dataType\":2,"
                + "\"createdAt\":\"2026-03-06T08:03:00.000Z\"}]}");
        assertThat(json("/event-data/" + eventId).size()).isEqualTo(2);
    }

    @Test
    void pagesCountEventsNotRows() {
        JsonNode second = json("/event-data?" + MARCH + "&page=2&pageSize=2");
        assertThat(second.get("count").asLong()).isEqualTo(3);
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("pageSize").asInt()).isEqualTo(2);
        assertThat(names(second)).containsExactly("signup:9");
        assertThat(names(json("/event-data?" + MARCH + "&page=3&pageSize=2"))).isEmpty();
    }

    @Test
    void everyFilterApplies() {
        assertThat(names(json("/event-data?" + MARCH + "&country=US"))).containsExactly("signup:4");
        assertThat(json("/event-data?" + MARCH + "&country=US").get("count").asLong()).isEqualTo(1);
        assertThat(names(json("/event-data?" + MARCH + "&event=download"))).containsExactly("download:2");
        assertThat(names(json("/event-data?" + MARCH + "&path=/pricing"))).containsExactly("signup:9");
        assertThat(names(json("/event-data?" + MARCH + "&browser=firefox&match=all"))).containsExactly("download:2");
        assertThat(names(json("/event-data?" + MARCH + "&event=" + enc("c.sign")))).containsExactly("signup:4", "signup:9");
        assertThat(json("/event-data?" + MARCH + "&path=" + enc("' OR 1=1 --")).get("count").asLong()).isZero();
    }

    @Test
    void aRangeIsRequiredAndStrangersGet401() {
        assertThat(get("/event-data").status()).isEqualTo(400);
        assertThat(get("/event-data?" + MARCH + "&page=x").status()).isEqualTo(400);
        assertThat(get("/event-data?" + MARCH + "&pageSize=-1").status()).isEqualTo(400);
        assertThat(server.http().get("/api/websites/" + website + "/event-data?" + MARCH, null).status()).isEqualTo(401);
        server.createUser("outsider", "outsider-pass", "user");
        String outsider = server.login("outsider", "outsider-pass");
        assertThat(server.http().get("/api/websites/" + website + "/event-data?" + MARCH, outsider).status()).isEqualTo(401);
    }
}
