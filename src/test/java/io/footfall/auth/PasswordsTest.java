package io.footfall.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {

    @Test
    void hashMatchesOnlyItsPassword() {
        String hash = Passwords.hash("correct horse");
        assertThat(hash).startsWith("$2a$10$");
        assertThat(Passwords.matches("correct horse", hash)).isTrue();
        assertThat(Passwords.matches("correct horsE", hash)).isFalse();
        assertThat(Passwords.matches("correct horse", null)).isFalse();
    }

    @Test
    void passwordsLongerThan72BytesAreCutThereLikeBcryptjs() {
        String longPassword = "p".repeat(100);
        String hash = Passwords.hash(longPassword);
        assertThat(Passwords.matches(longPassword, hash)).isTrue();
        assertThat(Passwords.matches("p".repeat(72), hash)).isTrue();
        assertThat(Passwords.matches("p".repeat(71), hash)).isFalse();
        assertThat(Passwords.matches(longPassword, Passwords.hash("short"))).isFalse();
    }

    @Test
    void hashesFromBeforeTheChangeStillMatch() {
        // made by BCrypt.withDefaults() (the earlier, strict strategy) for "umami"
        String earlier = at.favre.lib.crypto.bcrypt.BCrypt.withDefaults().hashToString(10, "umami".toCharArray());
        assertThat(Passwords.matches("umami", earlier)).isTrue();
    }
}
