package io.footfall.collect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UuidsTest {

    @Test
    void deterministicVersion5AndSeparatedParts() {
        assertThat(Uuids.v5("a", "b")).isEqualTo(Uuids.v5("a", "b"));
        assertThat(Uuids.v5("a", "b").version()).isEqualTo(5);
        assertThat(Uuids.v5("a", "b").variant()).isEqualTo(2);
        assertThat(Uuids.v5("ab", "c")).isNotEqualTo(Uuids.v5("a", "bc"));
    }

    @Test
    void randomV4IsVersion4AndUnique() {
        var seen = new java.util.HashSet<java.util.UUID>();
        for (int i = 0; i < 10_000; i++) {
            var u = Uuids.randomV4();
            assertThat(u.version()).isEqualTo(4);
            assertThat(u.variant()).isEqualTo(2);
            assertThat(seen.add(u)).isTrue();
        }
    }
}
