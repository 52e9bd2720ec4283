package io.footfall.duckdb;

import io.footfall.store.Migrations;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before V25 a website's share id lived only on the website row; the migration gives each one a share, so
 * links handed out earlier keep opening with {@code GET /api/share/:slug}.
 */
class ShareIdUpgradeTest {

    @Test
    void migrationTurnsExistingShareIdsIntoShares() throws Exception {
        try (TestServer server = TestServer.start()) {
            String site = server.http().post("/api/websites", "{\"name\":\"Old\",\"domain\":\"old.example\",\"shareId\":\"old-link\"}",
                    server.adminToken()).json().get("id").asText();
            server.createWebsite("Unshared", "unshared.example");
            String script = new String(ShareIdUpgradeTest.class.getResourceAsStream("/db/duckdb/V25__teams_and_shares.sql")
                    .readAllBytes(), StandardCharsets.UTF_8);
            server.server().stores().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    // What a data directory before V25 holds: the share id on the website, no share row.
                    st.execute("DELETE FROM share");
                    for (String sql : Migrations.statements(script)) {
                        if (sql.contains("INSERT INTO share")) st.execute(sql);
                    }
                }
                return null;
            });
            assertThat(server.query("SELECT CAST(entity_id AS VARCHAR) AS entity, share_type, name, slug, parameters FROM share").toString())
                    .isEqualTo("[{entity=" + site + ", share_type=1, name=Old, slug=old-link, parameters={}}]");
            var opened = server.http().get("/api/share/old-link", null);
            assertThat(opened.status()).isEqualTo(200);
            assertThat(opened.json().get("websiteId").asText()).isEqualTo(site);
        }
    }
}
