package io.footfall;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RestartTest {

    @Test
    void dataSurvivesRestartAndAdminIsNotDuplicated() throws Exception {
        Path dir = Files.createTempDirectory("footfall-restart");
        String website;
        String secret;
        String token;
        try (TestServer first = TestServer.start(dir, Map.of())) {
            assertThat(first.server().createdDefaultAdmin()).isTrue();
            website = first.createWebsite("Survivor", "survivor.example");
            token = first.adminToken();
            secret = Files.readString(dir.resolve("app-secret"));
            assertThat(secret).hasSizeGreaterThanOrEqualTo(64);
        }
        try (TestServer second = TestServer.start(dir, Map.of())) {
            assertThat(second.server().createdDefaultAdmin()).isFalse();
            assertThat(second.count("SELECT count(*) FROM users")).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("app-secret"))).isEqualTo(secret);
            // tokens issued before the restart stay valid (same generated secret)
            assertThat(second.http().get("/api/websites/" + website, token).json().get("name").asText()).isEqualTo("Survivor");
        }
    }

    @Test
    void eachInstallGetsItsOwnSecret() throws Exception {
        try (TestServer a = TestServer.start(); TestServer b = TestServer.start()) {
            assertThat(Files.readString(a.dataDir().resolve("app-secret")))
                    .isNotEqualTo(Files.readString(b.dataDir().resolve("app-secret")));
            // a token from one install is worthless on another
            assertThat(b.http().get("/api/me", a.adminToken()).status()).isEqualTo(401);
        }
    }
}
