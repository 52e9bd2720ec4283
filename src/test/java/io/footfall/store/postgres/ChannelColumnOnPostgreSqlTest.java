package io.footfall.store.postgres;

import io.footfall.store.Channels;
import io.footfall.store.Migrations;
import io.footfall.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL's stored channel (V9, a generated column) is {@link Channels#sql} itself: the migration's expression is the
 * rendered CASE over the row's columns, and on written rows the column equals the CASE evaluated at read time.
 */
class ChannelColumnOnPostgreSqlTest {

    /** Fails when the channel rules change without a migration that re-creates the column with the new CASE. */
    @Test
    void migrationExpressionIsTheRulesCase() throws IOException {
        String script = resource("db/postgresql/V9__event_channel.sql");
        String body = String.join("\n", Migrations.statements(script));
        String stored = body.substring(body.indexOf("GENERATED ALWAYS AS (") + "GENERATED ALWAYS AS (".length(),
                body.lastIndexOf(") STORED"));
        String rules = Channels.sql(new PostgresDialect()).replaceAll("\\be\\.", "");
        assertThat(normalized(stored)).isEqualTo(normalized(rules));
    }

    /** One row per rule (referrer, query, utm_medium, utm_source on host www.example.com) and the channel it must get. */
    private static final String[][] ROWS = {
            {null, null, null, null, "direct"},
            {"", "", null, null, "direct"},
            {"google.com", null, null, null, "organicSearch"},
            {"google.de", "utm_medium=cpc", "cpc", null, "paidAds"},
            {"bing.com", "utm_medium=ppc_x", "ppc_x", null, "paidSearch"},
            {null, "fbclid=abc", null, null, null},
            {"gmail.com", null, null, null, "email"},
            {"t.co", null, null, null, "organicSocial"},
            {"reddit.com", "utm_medium=retargeting", "retargeting", null, "paidSocial"},
            {"amazon.de", null, null, null, "organicShopping"},
            {"youtube.com", null, null, null, "organicVideo"},
            {null, "utm_medium=affiliate", "affiliate", null, "affiliate"},
            {null, "utm_source=sms", null, "sms", "sms"},
            {"github.com", null, null, null, "referral"},
            {"www.example.com", "page=2", null, null, null},
    };

    @Test
    void writtenRowsCarryTheChannelTheRulesGive() throws SQLException {
        try (PostgresConnections db = PostgresConnections.open(PostgresUrl.parse(PostgresTestDatabase.fresh()), 2)) {
            Migrations.apply(db, "postgresql");
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO event (event_id, website_id, session_id, visit_id, "
                        + "created_at, event_type, hostname, url_path, referrer_domain, url_query, utm_medium, utm_source) VALUES "
                        + "(gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), "
                        + "TIMESTAMP '2026-12-01 10:00:00' + ? * INTERVAL '1 second', 1, 'www.example.com', '/', ?, ?, ?, ?)")) {
                    for (int i = 0; i < ROWS.length; i++) {
                        ps.setInt(1, i);
                        for (int k = 0; k < 4; k++) ps.setString(2 + k, ROWS[i][k]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
            List<String> stored = db.read(c -> {
                List<String> out = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT channel FROM event ORDER BY created_at")) {
                    while (rs.next()) out.add(rs.getString(1));
                }
                return out;
            });
            List<String> expected = new ArrayList<>();
            for (String[] row : ROWS) expected.add(row[4]);
            assertThat(stored).containsExactlyElementsOf(expected);
            long differing = db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM event e WHERE e.channel "
                        + "IS DISTINCT FROM (" + Channels.sql(new PostgresDialect()) + ")")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(differing).isZero();
        }
    }

    private static String normalized(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ChannelColumnOnPostgreSqlTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
