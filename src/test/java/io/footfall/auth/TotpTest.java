package io.footfall.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238 appendix B's SHA-1 test vectors (their last six digits), drift and the otpauth URI. */
class TotpTest {
    static final String RFC_SECRET = Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void codesMatchTheRfcVectors() {
        assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111111)))).isEqualTo("050471");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now)).hasValue(step);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12a456", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "1234567", now)).isEmpty();
    }

    @Test
    void secretsAreRandomBase32OfTwentyBytesAndTheUriCarriesThem() {
        String a = Totp.newSecret();
        assertThat(a).matches("[A-Z2-7]{32}").isNotEqualTo(Totp.newSecret());
        assertThat(Base32.decode(a)).hasSize(20);
        assertThat(Totp.uri("Footfall", "jane doe", a)).isEqualTo("otpauth://totp/Footfall:jane%20doe?secret=" + a
                + "&issuer=Footfall&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void sealedSecretsOpenOnlyWithTheSameAppSecret() {
        SecretBox box = new SecretBox("one");
        String sealed = box.encrypt("umami_secret");
        assertThat(sealed).startsWith("v1:").doesNotContain("umami_secret").isNotEqualTo(box.encrypt("umami_secret"));
        assertThat(box.decrypt(sealed)).isEqualTo("umami_secret");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SecretBox("two").decrypt(sealed))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
