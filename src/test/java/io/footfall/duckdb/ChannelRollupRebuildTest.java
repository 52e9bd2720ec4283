package io.footfall.duckdb;

import io.footfall.http.ChannelReferralTest;
import io.footfall.store.Migrations;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DuckDB migration V22 empties the channel rollups ({@code session_value_channel}); the next start rebuilds them,
 * and ChannelReferralTest's exact channel metrics read the same afterwards.
 */
class ChannelRollupRebuildTest {

    @Test
    void channelsReadTheSameAfterV22RebuiltTheRollups(@TempDir Path dir) throws Exception {
        String site;
        try (TestServer server = TestServer.start(dir, Map.of())) {
            assertThat(server.backend()).isEqualTo("duckdb");
            site = ChannelReferralTest.sendTraffic(server);
            server.fold();
            ChannelReferralTest.check(server, site, "folded");
            String script = new String(ChannelRollupRebuildTest.class.getResourceAsStream("/db/duckdb/V22__channel_referral.sql").readAllBytes(),
                    StandardCharsets.UTF_8);
            server.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    for (String sql : Migrations.statements(script)) st.execute(sql);
                }
                return null;
            });
            assertThat(server.count("SELECT count(*) FROM session_value_channel")).isZero();
        }
        try (TestServer again = TestServer.start(dir, Map.of())) {
            ChannelReferralTest.check(again, site, "rebuilt");
        }
    }
}
