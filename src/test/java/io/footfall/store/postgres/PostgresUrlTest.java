package io.footfall.store.postgres;

import io.footfall.config.SettingsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresUrlTest {
    @Test
    void umamisUrlBecomesJdbcWithCredentialsApart() {
        PostgresUrl url = PostgresUrl.parse("postgresql://umami:s%40cret%3Aword@db.example:6543/analytics?sslmode=require&schema=stats");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/analytics?sslmode=require&currentSchema=stats");
        assertThat(url.user()).isEqualTo("umami");
        assertThat(url.password()).isEqualTo("s@cret:word");
        assertThat(url.display()).isEqualTo("postgresql://umami@db.example:6543/analytics").doesNotContain("cret");
    }

    @Test
    void postgresSchemeDefaultPortAndNoPassword() {
        PostgresUrl url = PostgresUrl.parse("postgres://postgres@127.0.0.1/footfall");
        assertThat(PostgresUrl.matches("postgres://x@y/z")).isTrue();
        assertThat(PostgresUrl.matches("mysql://x@y/z")).isFalse();
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/footfall");
        assertThat(url.user()).isEqualTo("postgres");
        assertThat(url.password()).isNull();
    }

    @Test
    void malformedUrlsNameTheVariableAndHideThePassword() {
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://u:topsecret@db.example:5432"))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("DATABASE_URL: no database name")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://u:p@/db")).isInstanceOf(SettingsException.class)
                .hasMessageContaining("no host");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://u:p w@host/db")).isInstanceOf(SettingsException.class)
                .hasMessageContaining("percent-encoded").hasMessageNotContaining("p w");
    }
}
