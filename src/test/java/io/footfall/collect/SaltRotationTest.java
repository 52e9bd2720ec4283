package io.footfall.collect;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SaltRotationTest {

    @Test
    void periodsFollowTheRotation() {
        Instant t = Instant.parse("2026-11-26T15:00:00Z"); // a Thursday
        assertThat(SaltRotation.period("month", t)).isEqualTo("month:2026-11-01");
        assertThat(SaltRotation.period("week", t)).isEqualTo("week:2026-11-23");
        assertThat(SaltRotation.period("day", t)).isEqualTo("day:2026-11-26");
    }
}
