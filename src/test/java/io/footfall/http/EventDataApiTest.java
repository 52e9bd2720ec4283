package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event data API over {@link KnownTraffic}: A's {@code signup} carries nine typed
 * properties (string, number, decimal, boolean, date, array, nested object, revenue, currency), B's
 * {@code signup} four, C's {@code download} two.
 */
class EventDataApiTest extends KnownTraffic {

    @Test
    void statsAreAnObjectOfNumbers() {
        assertThat(json("/event-data/stats?" + MARCH).toString()).isEqualTo("{\"events\":3,\"properties\":11,\"records\":15}");
        assertThat(json("/event-data/stats?" + MARCH + "&country=US").toString()).isEqualTo("{\"events\":1,\"properties\":4,\"records\":4}");
    }

    @Test
    void eventsListEveryEventsPropertiesWithoutAnEventName() {
        assertThat(json("/event-data/events?" + MARCH).toString()).isEqualTo("["
                + row("download", "file", 1, 1) + "," + row("download", "size", 2, 1) + ","
                + row("signup", "currency", 1, 2) + "," + row("signup", "meta.source.campaign", 1, 1) + ","
                + row("signup", "plan", 1, 2) + "," + row("signup", "price", 2, 1) + ","
                + row("signup", "revenue", 2, 1) + "," + row("signup", "seats", 2, 2) + ","
                + row("signup", "started", 4, 1) + "," + row("signup", "tags", 5, 1) + ","
                + row("signup", "trial", 3, 2) + "]");
    }

    static String row(String event, String property, int type, int total) {
        return "{\"eventName\":\"" + event + "\",\"propertyName\":\"" + property + "\",\"dataType\":" + type + ",\"total\":" + total + "}";
    }

    @Test
    void eventsOfOneEventListValues() {
        JsonNode rows = json("/event-data/events?" + MARCH + "&event=download");
        assertThat(rows.toString()).isEqualTo("[{\"eventName\":\"download\",\"propertyName\":\"file\",\"dataType\":1,"
                + "\"propertyValue\":\"guide.pdf\",\"total\":1},{\"eventName\":\"download\",\"propertyName\":\"size\",\"dataType\":2,"
                + "\"propertyValue\":\"1024\",\"total\":1}]");
        JsonNode signup = json("/event-data/events?" + MARCH + "&event=signup");
        assertThat(signup).hasSize(12);
        assertThat(signup.get(0).get("propertyValue").asText()).isEqualTo("EUR");
        assertThat(signup.get(0).get("total").asLong()).isEqualTo(2);
        assertThat(json("/event-data/events?" + MARCH + "&event=" + enc("c.sign"))).isEmpty();
    }

    @Test
    void fieldsPrintNumbersWithoutWholeDecimalsAndDatesByHour() {
        JsonNode rows = json("/event-data/fields?" + MARCH);
        assertThat(rows).hasSize(14);
        assertThat(rows.get(0).toString()).isEqualTo("{\"propertyName\":\"currency\",\"dataType\":1,\"value\":\"EUR\",\"total\":2}");
        assertThat(field(rows, "seats")).containsExactly("1", "3");
        assertThat(field(rows, "size")).containsExactly("1024");
        assertThat(field(rows, "price")).containsExactly("19.9900");
        assertThat(field(rows, "revenue")).containsExactly("49.5000");
        assertThat(field(rows, "trial")).containsExactly("false", "true");
        assertThat(field(rows, "started")).containsExactly("2026-03-01 12:00:00");
        assertThat(field(rows, "tags")).containsExactly("[\"a\",\"b\"]");
        assertThat(field(rows, "meta.source.campaign")).containsExactly("spring");
    }

    static List<String> field(JsonNode rows, String name) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode r : rows) if (r.get("propertyName").asText().equals(name)) out.add(r.get("value").asText());
        return out;
    }

    @Test
    void propertiesCountPerEventMostCommonFirst() {
        JsonNode rows = json("/event-data/properties?" + MARCH);
        assertThat(rows).hasSize(11);
        assertThat(rows.get(0).toString()).isEqualTo("{\"eventName\":\"signup\",\"propertyName\":\"currency\",\"total\":2}");
        assertThat(rows.get(3).toString()).isEqualTo("{\"eventName\":\"signup\",\"propertyName\":\"trial\",\"total\":2}");
        assertThat(rows.get(4).toString()).isEqualTo("{\"eventName\":\"download\",\"propertyName\":\"file\",\"total\":1}");
        assertThat(json("/event-data/properties?" + MARCH + "&propertyName=plan").toString())
                .isEqualTo("[{\"eventName\":\"signup\",\"propertyName\":\"plan\",\"total\":2}]");
    }

    @Test
    void valuesOfOneEventProperty() {
        assertThat(json("/event-data/values?" + MARCH + "&event=signup&propertyName=plan").toString())
                .isEqualTo("[{\"value\":\"free\",\"total\":1},{\"value\":\"pro\",\"total\":1}]");
        assertThat(json("/event-data/values?" + MARCH + "&eventName=signup&propertyName=plan").toString())
                .isEqualTo("[{\"value\":\"free\",\"total\":1},{\"value\":\"pro\",\"total\":1}]");
        assertThat(json("/event-data/values?" + MARCH + "&event=signup&propertyName=currency").toString())
                .isEqualTo("[{\"value\":\"EUR\",\"total\":2}]");
        assertThat(json("/event-data/values?" + MARCH + "&event=signup&propertyName=revenue").toString())
                .isEqualTo("[{\"value\":\"49.5000\",\"total\":1}]");
        assertThat(json("/event-data/values?" + MARCH + "&event=download&propertyName=size").toString())
                .isEqualTo("[{\"value\":\"1024\",\"total\":1}]");
        assertThat(json("/event-data/values?" + MARCH + "&event=signup&propertyName=started").toString())
                .isEqualTo("[{\"value\":\"2026-03-01 12:00:00\",\"total\":1}]");
        assertThat(json("/event-data/values?" + MARCH + "&event=signup&propertyName=plan&country=US").toString())
                .isEqualTo("[{\"value\":\"free\",\"total\":1}]");
        assertThat(json("/event-data/values?" + MARCH + "&event=download&propertyName=plan")).isEmpty();
    }

    @Test
    void valuesNeedAnEventAndAProperty() {
        assertThat(get("/event-data/values?" + MARCH + "&propertyName=plan").status()).isEqualTo(400);
        assertThat(get("/event-data/values?" + MARCH + "&event=signup").status()).isEqualTo(400);
        assertThat(json("/event-data/values?" + MARCH + "&event=signup&propertyName=" + enc("plan' OR 1=1 --"))).isEmpty();
        assertThat(json("/event-data/values?" + MARCH + "&event=" + enc("signup' OR '1'='1") + "&propertyName=plan")).isEmpty();
    }

    @Test
    void oneEventsDataIsTypedRows() {
        JsonNode activity = json("/sessions/" + sessionA + "/activity?" + MARCH);
        String eventId = activity.get(1).get("eventId").asText();
        JsonNode rows = json("/event-data/" + eventId);
        assertThat(rows).hasSize(9);
        assertThat(rows.get(3).toString()).isEqualTo("{\"websiteId\":\"" + website + "\",\"sessionId\":\"" + sessionA
                + "\",\"eventId\":\"" + eventId + "\",\"urlPath\":\"/pricing\",\"eventName\":\"signup\",\"dataKey\":\"price\","
                + "\"stringValue\":\"19.9900\",\"numberValue\":19.99,\"dateValue\":null,\"dataType\":2,"
                + "\"createdAt\":\"2026-03-04T10:06:00.000Z\"}");
        assertThat(rows.get(6).get("dataKey").asText()).isEqualTo("started");
        assertThat(rows.get(6).get("dateValue").asText()).isEqualTo("2026-03-01T12:34:56.000Z");
        assertThat(rows.get(6).get("dataType").asInt()).isEqualTo(4);
        assertThat(rows.get(8).get("stringValue").asText()).isEqualTo("true");
        assertThat(rows.get(8).get("dataType").asInt()).isEqualTo(3);
        assertThat(json("/event-data/00000000-0000-0000-0000-000000000000")).isEmpty();
        assertThat(get("/event-data/not-an-id").status()).isEqualTo(400);
    }

    @Test
    void eventDataRoutesNeedATokenAndARange() {
        for (String path : List.of("/event-data/events", "/event-data/fields", "/event-data/properties",
                "/event-data/values?event=signup&propertyName=plan", "/event-data/stats")) {
            assertThat(get(path).status()).as(path).isEqualTo(400);
            String withRange = path + (path.contains("?") ? "&" : "?") + MARCH;
            assertThat(server.http().get("/api/websites/" + website + withRange, null).status()).as(path).isEqualTo(401);
        }
    }
}
