package io.footfall.collect;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CacheTokenTest {

    @Test
    void roundTripsAndRejectsForgeries() {
        CacheToken tokens = new CacheToken("secret-a");
        var claims = new CacheToken.Claims(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Instant.ofEpochSecond(1_795_000_000L));
        String t = tokens.issue(claims);
        assertThat(tokens.read(t)).isEqualTo(claims);
        assertThat(new CacheToken("secret-b").read(t)).isNull();
        assertThat(tokens.read("garbage")).isNull();
        assertThat(tokens.read(null)).isNull();
        assertThat(tokens.read(t.substring(0, t.length() - 2) + "xx")).isNull();
    }
}
