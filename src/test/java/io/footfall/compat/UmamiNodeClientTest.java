package io.footfall.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real npm package @umami/node, unchanged, sending to Footfall. */
class UmamiNodeClientTest {

    @Test
    void umamiNodePackageTracksEventsAndIdentifies() throws Exception {
        NodeTool.requireNodeAndPackages();
        try (TestServer server = TestServer.start()) {
            String website = server.createWebsite("Node client", "node.example");
            NodeTool.Result r = NodeTool.node("umami-node-client.mjs", server.baseUrl(), website);
            assertThat(r.exit()).as(r.output()).isZero();
            Map<String, JsonNode> calls = new HashMap<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : r.output().strip().split("\n")) {
                JsonNode n = json.readTree(line);
                calls.put(n.get("label").asText(), n);
            }
            assertThat(calls).hasSize(4);
            calls.values().forEach(c -> {
                assertThat(c.get("status").asInt()).isEqualTo(200);
                assertThat(c.get("body").has("sessionId")).as("not treated as a bot: " + c).isTrue();
            });

            var pageview = server.query("SELECT * FROM event WHERE website_id = ?::UUID AND event_type = 1", website);
            assertThat(pageview).hasSize(1);
            assertThat(pageview.getFirst()).containsEntry("url_path", "/node/home").containsEntry("page_title", "Home")
                    .containsEntry("hostname", "node.example").containsEntry("referrer_domain", "news.ycombinator.com")
                    .containsEntry("language", "en-GB").containsEntry("screen", "1280x800");

            var events = server.query("SELECT event_name, url_path FROM event WHERE website_id = ?::UUID AND event_type = 2 ORDER BY event_name", website);
            assertThat(events).extracting(e -> e.get("event_name")).containsExactly("cta-click", "signup");

            var data = server.query("SELECT data_key, data_type, string_value, number_value FROM event_data WHERE website_id = ?::UUID ORDER BY data_key", website);
            assertThat(data).extracting(d -> d.get("data_key")).containsExactly("plan", "position", "seats", "trial");
            assertThat((BigDecimal) data.get(2).get("number_value")).isEqualByComparingTo("5");
            assertThat(data.get(3)).containsEntry("data_type", (short) 3).containsEntry("string_value", "false");

            var sessionData = server.query("SELECT data_key, string_value FROM session_data WHERE website_id = ?::UUID ORDER BY data_key", website);
            assertThat(sessionData).extracting(d -> d.get("string_value")).containsExactly("Acme", "dev@example.com");

            // every call came from the same process: one session
            assertThat(server.count("SELECT count(DISTINCT session_id) FROM event WHERE website_id = ?::UUID", website)).isEqualTo(1);
        }
    }
}
