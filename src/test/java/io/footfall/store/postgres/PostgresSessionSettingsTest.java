package io.footfall.store.postgres;

import io.footfall.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pooled session carries the settings the reads were measured with (UTC, a plan per execution, no JIT, 8× hash memory). */
class PostgresSessionSettingsTest {
    @Test
    void pooledSessionsRunInUtcWithMeasuredSettings() throws SQLException {
        try (PostgresConnections db = PostgresConnections.open(PostgresUrl.parse(PostgresTestDatabase.fresh()), 2)) {
            for (int i = 0; i < 3; i++) { // more than one borrow: each connection got them, not just the first
                String zone = db.read(c -> show(c, "TimeZone"));
                String plans = db.read(c -> show(c, "plan_cache_mode"));
                assertThat(zone).isEqualTo("UTC");
                assertThat(plans).isEqualTo("force_custom_plan");
                String jit = db.read(c -> show(c, "jit"));
                String hashMemory = db.read(c -> show(c, "hash_mem_multiplier"));
                assertThat(jit).isEqualTo("off");
                assertThat(hashMemory).isEqualTo("8");
            }
        }
    }

    private static String show(java.sql.Connection c, String setting) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
