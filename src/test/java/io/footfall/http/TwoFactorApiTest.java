package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.SecretBox;
import io.footfall.auth.Totp;
import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor login over HTTP, with codes computed here from the secret the setup hands out: setup and confirm,
 * the two-step login, single use of codes and backup codes, the lock after wrong codes, cancel and disable.
 * Each test uses its own account and client address, so locks of one do not reach another.
 */
class TwoFactorApiTest {
    static TestServer server;
    static int accounts;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Account(String name, String password, String ip) {
        Map<String, String> from() {
            return Map.of("X-Forwarded-For", ip);
        }
    }

    static Account account() {
        int n = ++accounts;
        Account a = new Account("twofa" + n, "twofa-pass-" + n, "203.0.113." + n);
        server.createUser(a.name(), a.password(), "user");
        return a;
    }

    static HttpClientForTests.Response post(String path, String body, String token, Account a) {
        return server.http().send("POST", path, body, token, a.from());
    }

    static JsonNode login(Account a) {
        var res = post("/api/auth/login", "{\"username\":\"" + a.name() + "\",\"password\":\"" + a.password() + "\"}", null, a);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json();
    }

    static String code(String secret, long step) {
        return Totp.code(secret, step);
    }

    static long now() {
        return Totp.step(Instant.now());
    }

    /** Turns two-factor login on for the account; the secret and the step of the confirming code. */
    record Enabled(String secret, long step, List<String> backupCodes) {
    }

    static Enabled enable(Account a, String token) {
        JsonNode setup = post("/api/2fa/setup/initiate", null, token, a).json();
        String secret = setup.get("manualKey").asText();
        long step = now();
        var confirmed = post("/api/2fa/setup/confirm", "{\"token\":\"" + code(secret, step) + "\"}", token, a);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        confirmed.json().get("backupCodes").forEach(c -> codes.add(c.asText()));
        return new Enabled(secret, step, codes);
    }

    @Test
    void setupHandsOutASecretQrAndUriAndAConfirmingCodeEnablesIt() throws Exception {
        Account a = account();
        String token = login(a).get("token").asText();
        JsonNode status = server.http().get("/api/2fa/status", token).json();
        assertThat(status.toString()).isEqualTo("{\"isEnabled\":false,\"isRequired\":false,\"requiredReason\":null,"
                + "\"isConfigured\":true,\"globalRequired\":false}");

        var initiated = post("/api/2fa/setup/initiate", null, token, a);
        assertThat(initiated.status()).as(initiated.body()).isEqualTo(200);
        JsonNode setup = initiated.json();
        String secret = setup.get("manualKey").asText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(setup.get("otpauthUri").asText()).isEqualTo("otpauth://totp/Footfall:" + a.name() + "?secret=" + secret
                + "&issuer=Footfall&algorithm=SHA1&digits=6&period=30");
        String dataUrl = setup.get("qrCodeDataUrl").asText();
        assertThat(dataUrl).startsWith("data:image/png;base64,");
        var png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUrl.substring(22))));
        assertThat(png.getWidth()).isEqualTo(240);

        // Kept encrypted: the row does not hold the secret, but opens to it with the server's APP_SECRET.
        var row = server.query("SELECT secret_encrypted, enabled FROM two_factor u JOIN users s ON s.user_id = u.user_id "
                + "WHERE s.username = ?", a.name()).getFirst();
        assertThat(row.get("enabled")).isEqualTo(false);
        assertThat(row.get("secret_encrypted").toString()).doesNotContain(secret);
        String appSecret = Files.readString(server.dataDir().resolve("app-secret")).trim();
        assertThat(new SecretBox(appSecret).decrypt(row.get("secret_encrypted").toString())).isEqualTo(secret);

        long step = now();
        String wrong = code(secret, step + 5);
        var refused = post("/api/2fa/setup/confirm", "{\"token\":\"" + wrong + "\"}", token, a);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("two-factor-error-invalid-code");
        var confirmed = post("/api/2fa/setup/confirm", "{\"token\":\"" + code(secret, step) + "\"}", token, a);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        JsonNode backup = confirmed.json().get("backupCodes");
        assertThat(backup.size()).isEqualTo(10);
        backup.forEach(c -> assertThat(c.asText()).matches("[0-9A-F]{10}-[0-9A-F]{10}"));
        assertThat(server.http().get("/api/2fa/status", token).json().get("isEnabled").asBoolean()).isTrue();
        assertThat(post("/api/2fa/setup/initiate", null, token, a).json().at("/error/code").asText())
                .isEqualTo("two-factor-error-already-enabled");
        assertThat(post("/api/2fa/setup/confirm", "{\"token\":\"" + code(secret, step) + "\"}", token, a).json()
                .at("/error/code").asText()).isEqualTo("two-factor-error-no-pending-setup");
    }

    @Test
    void loginThenAsksForACodeAndEachCodeWorksOnce() {
        Account a = account();
        Enabled on = enable(a, login(a).get("token").asText());

        JsonNode first = login(a);
        assertThat(first.get("requiresTwoFactor").asBoolean()).isTrue();
        assertThat(first.has("token")).isFalse();
        String partial = first.get("partialToken").asText();
        assertThat(server.http().get("/api/me", partial).status()).isEqualTo(401);
        assertThat(post("/api/auth/verify", null, partial, a).status()).isEqualTo(401);

        // The confirming code's step is used up; the next step's code (within the ±1 drift) is not.
        var reused = post("/api/2fa/verify", "{\"token\":\"" + code(on.secret(), on.step()) + "\"}", partial, a);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().at("/error/code").asText()).isEqualTo("two-factor-error-code-used");
        var verified = post("/api/2fa/verify", "{\"token\":\"" + code(on.secret(), on.step() + 1) + "\"}", partial, a);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        JsonNode answer = verified.json();
        assertThat(answer.at("/user/username").asText()).isEqualTo(a.name());
        assertThat(answer.at("/user/teams").isArray()).isTrue();
        assertThat(server.http().get("/api/me", answer.get("token").asText()).status()).isEqualTo(200);

        String again = login(a).get("partialToken").asText();
        assertThat(post("/api/2fa/verify", "{\"token\":\"" + code(on.secret(), on.step() + 1) + "\"}", again, a).json()
                .at("/error/code").asText()).isEqualTo("two-factor-error-code-used");
        String backupCode = on.backupCodes().get(3);
        var byBackup = post("/api/2fa/verify", "{\"backupCode\":\"" + backupCode.toLowerCase() + "\"}", again, a);
        assertThat(byBackup.status()).as(byBackup.body()).isEqualTo(200);
        var backupAgain = post("/api/2fa/verify", "{\"backupCode\":\"" + backupCode + "\"}", again, a);
        assertThat(backupAgain.status()).isEqualTo(400);
        assertThat(backupAgain.json().at("/error/code").asText()).isEqualTo("two-factor-error-invalid-backup-code");
    }

    @Test
    void fiveWrongCodesLockTheCodeChecksWithRetryAfter() {
        Account a = account();
        Enabled on = enable(a, login(a).get("token").asText());
        String partial = login(a).get("partialToken").asText();
        String wrong = code(on.secret(), now() + 7);
        for (int i = 1; i <= 4; i++) {
            var res = post("/api/2fa/verify", "{\"token\":\"" + wrong + "\"}", partial, a);
            assertThat(res.status()).isEqualTo(400);
            assertThat(res.json().at("/error").has("lockedUntil")).isFalse();
        }
        var fifth = post("/api/2fa/verify", "{\"token\":\"" + wrong + "\"}", partial, a);
        assertThat(fifth.status()).isEqualTo(400);
        Instant lockedUntil = Instant.parse(fifth.json().at("/error/lockedUntil").asText());
        assertThat(lockedUntil).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 1));
        // Even the right code is refused while locked.
        var locked = post("/api/2fa/verify", "{\"token\":\"" + code(on.secret(), now()) + "\"}", partial, a);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().at("/error/code").asText()).isEqualTo("two-factor-error-too-many-attempts");
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(14 * 60, 15 * 60);
    }

    @Test
    void cancellingASetupLeavesTwoFactorOff() {
        Account a = account();
        String token = login(a).get("token").asText();
        post("/api/2fa/setup/initiate", null, token, a);
        assertThat(post("/api/2fa/setup/cancel", null, token, a).json().toString()).isEqualTo("{\"ok\":true}");
        assertThat(post("/api/2fa/setup/confirm", "{\"token\":\"123456\"}", token, a).json().at("/error/code").asText())
                .isEqualTo("two-factor-error-no-pending-setup");
        assertThat(login(a).has("token")).isTrue();
    }

    @Test
    void disablingNeedsThePasswordAndACode() {
        Account a = account();
        String token = login(a).get("token").asText();
        Enabled on = enable(a, token);
        String next = code(on.secret(), on.step() + 1);
        var badPassword = post("/api/2fa/disable", "{\"password\":\"wrong-password\",\"token\":\"" + next + "\"}", token, a);
        assertThat(badPassword.status()).isEqualTo(400);
        assertThat(badPassword.json().at("/error/code").asText()).isEqualTo("two-factor-error-incorrect-password");
        var badCode = post("/api/2fa/disable", "{\"password\":\"" + a.password() + "\",\"token\":\""
                + code(on.secret(), on.step() + 9) + "\"}", token, a);
        assertThat(badCode.json().at("/error/code").asText()).isEqualTo("two-factor-error-invalid-code");
        var disabled = post("/api/2fa/disable", "{\"password\":\"" + a.password() + "\",\"token\":\"" + next + "\"}", token, a);
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().toString()).isEqualTo("{\"ok\":true}");
        assertThat(server.http().get("/api/2fa/status", token).json().get("isEnabled").asBoolean()).isFalse();
        assertThat(login(a).has("token")).isTrue();
        assertThat(server.query("SELECT count(*) AS n FROM two_factor_backup_code c JOIN users u ON u.user_id = c.user_id "
                + "WHERE u.username = ?", a.name()).getFirst().get("n")).isEqualTo(0L);
    }

    @Test
    void badInputIs400AndBadPartialTokensAre401() {
        Account a = account();
        String token = login(a).get("token").asText();
        Enabled on = enable(a, token);
        for (String body : new String[]{"{}", "{\"token\":\"12345\"}", "{\"token\":\"1234567\"}", "{\"token\":123456}",
                "{\"token\":\"12a456\"}", "[]", "nope"}) {
            assertThat(post("/api/2fa/disable", body.equals("{}") ? "{\"password\":\"x\"}" : body, token, a).status())
                    .as(body).isEqualTo(400);
        }
        String partial = login(a).get("partialToken").asText();
        assertThat(post("/api/2fa/verify", "{\"token\":\"123456\",\"backupCode\":\"x\"}", partial, a).status()).isEqualTo(400);
        assertThat(post("/api/2fa/verify", "{}", partial, a).status()).isEqualTo(400);
        assertThat(post("/api/2fa/verify", "{\"token\":\"" + code(on.secret(), now()) + "\"}", null, a).status()).isEqualTo(401);
        assertThat(post("/api/2fa/verify", "{\"token\":\"" + code(on.secret(), now()) + "\"}", "garbage", a).status()).isEqualTo(401);
        // A login token is not a partial token.
        assertThat(post("/api/2fa/verify", "{\"token\":\"" + code(on.secret(), now()) + "\"}", token, a).status()).isEqualTo(401);
        assertThat(server.http().get("/api/2fa/status", null).status()).isEqualTo(401);
    }
}
