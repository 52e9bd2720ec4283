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

    @Test
    void isAStandardHs256JwtWithUmamisClaims() {
        var claims = new CacheToken.Claims(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Instant.ofEpochSecond(1_795_000_000L));
        String t = new CacheToken("secret-a").issue(claims);
        var key = io.footfall.auth.AppSecret.derive("secret-a", "collect-cache");
        var jwt = com.auth0.jwt.JWT.require(com.auth0.jwt.algorithms.Algorithm.HMAC256(key)).build().verify(t);
        assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
        assertThat(jwt.getClaim("websiteId").asString()).isEqualTo(claims.websiteId().toString());
        assertThat(jwt.getClaim("sessionId").asString()).isEqualTo(claims.sessionId().toString());
        assertThat(jwt.getClaim("visitId").asString()).isEqualTo(claims.visitId().toString());
        assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(claims.lastSeen());
    }
}
