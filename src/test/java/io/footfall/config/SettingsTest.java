package io.footfall.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @Test
    void defaultsMatchUmami() {
        Settings s = Settings.from(Map.of());
        assertThat(s.port()).isEqualTo(3000);
        assertThat(s.host()).isEqualTo("0.0.0.0");
        assertThat(s.dataDir()).isEqualTo(Path.of("data"));
        assertThat(s.basePath()).isEmpty();
        assertThat(s.corsMaxAge()).isEqualTo(86400);
        assertThat(s.saltRotation()).isEqualTo("month");
        assertThat(s.appSecret()).isNull();
    }

    @Test
    void trustedProxiesAndReadTimeout() {
        Settings unset = Settings.from(Map.of());
        assertThat(unset.trustedProxies()).isNull();
        assertThat(unset.readTimeoutSeconds()).isEqualTo(30);
        Settings set = Settings.from(Map.of("TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8", "READ_TIMEOUT", "5"));
        assertThat(set.trustedProxies()).isEqualTo(List.of("10.0.0.0/8", "fd00::/8"));
        assertThat(set.readTimeoutSeconds()).isEqualTo(5);
        assertThat(Settings.from(Map.of("TRUSTED_PROXIES", "none")).trustedProxies()).isEmpty();
        assertThatThrownBy(() -> Settings.from(Map.of("READ_TIMEOUT", "0"))).hasMessageContaining("READ_TIMEOUT");
    }

    @Test
    void aBadTrustedProxyStopsTheStartNamingTheVariable(@org.junit.jupiter.api.io.TempDir Path dir) {
        Settings s = Settings.from(Map.of("TRUSTED_PROXIES", "10.0.0.0/33", "DATA_DIR", dir.toString(), "PORT", "0"));
        assertThatThrownBy(() -> io.footfall.FootfallServer.start(s)).isInstanceOf(SettingsException.class)
                .hasMessage("TRUSTED_PROXIES: bad prefix length in 10.0.0.0/33");
    }

    @Test
    void readsUmamiNames() {
        Settings s = Settings.from(Map.of("PORT", "8080", "HOSTNAME", "127.0.0.1", "BASE_PATH", "/analytics/",
                "IGNORE_IP", "10.0.0.1, 192.168.0.0/16", "DISABLE_BOT_CHECK", "1", "COLLECT_API_ENDPOINT", "api/collect",
                "TRACKER_SCRIPT_NAME", "ff.js", "SALT_ROTATION", "Day"));
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.basePath()).isEqualTo("/analytics");
        assertThat(s.ignoreIps()).isEqualTo(List.of("10.0.0.1", "192.168.0.0/16"));
        assertThat(s.disableBotCheck()).isTrue();
        assertThat(s.collectApiEndpoint()).isEqualTo("/api/collect");
        assertThat(s.trackerScriptName()).isEqualTo("/ff.js");
        assertThat(s.saltRotation()).isEqualTo("day");
    }

    @Test
    void invalidValuesNameTheVariable() {
        assertThatThrownBy(() -> Settings.from(Map.of("PORT", "http"))).hasMessageContaining("PORT");
        assertThatThrownBy(() -> Settings.from(Map.of("PORT", "70000"))).hasMessageContaining("PORT");
        assertThatThrownBy(() -> Settings.from(Map.of("DISABLE_LOGIN", "maybe"))).hasMessageContaining("DISABLE_LOGIN");
        assertThatThrownBy(() -> Settings.from(Map.of("BASE_PATH", "analytics"))).hasMessageContaining("BASE_PATH");
        assertThatThrownBy(() -> Settings.from(Map.of("SALT_ROTATION", "hourly"))).hasMessageContaining("SALT_ROTATION");
        assertThatThrownBy(() -> Settings.from(Map.of("CORS_MAX_AGE", "-1"))).hasMessageContaining("CORS_MAX_AGE");
    }
}
