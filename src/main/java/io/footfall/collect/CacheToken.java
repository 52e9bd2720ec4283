package io.footfall.collect;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.footfall.auth.AppSecret;
import io.footfall.http.Inputs;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The `cache` token returned by /api/send and sent back by trackers as `x-umami-cache`:
 * an HS256 JWT of {websiteId, sessionId, visitId, iat}. Here `iat` is the last activity,
 * so a visit ends after 30 minutes without hits even if the server restarted in between.
 */
public final class CacheToken {
    public record Claims(UUID websiteId, UUID sessionId, UUID visitId, Instant lastSeen) {
    }

    private final Algorithm algorithm;
    private final JWTVerifier verifier;

    public CacheToken(String appSecret) {
        this.algorithm = Algorithm.HMAC256(AppSecret.derive(appSecret, "collect-cache"));
        this.verifier = JWT.require(algorithm).build();
    }

    public String issue(Claims c) {
        return JWT.create()
                .withClaim("websiteId", c.websiteId().toString())
                .withClaim("sessionId", c.sessionId().toString())
                .withClaim("visitId", c.visitId().toString())
                .withIssuedAt(Date.from(c.lastSeen()))
                .sign(algorithm);
    }

    /** The claims of a valid token, or null for anything missing, malformed or forged. */
    public Claims read(String token) {
        if (token == null || token.length() > 2000) return null;
        try {
            DecodedJWT jwt = verifier.verify(token);
            UUID w = Inputs.parseUuid(jwt.getClaim("websiteId").asString());
            UUID s = Inputs.parseUuid(jwt.getClaim("sessionId").asString());
            UUID v = Inputs.parseUuid(jwt.getClaim("visitId").asString());
            Instant iat = jwt.getIssuedAtAsInstant();
            if (w == null || s == null || v == null || iat == null) return null;
            return new Claims(w, s, v, iat);
        } catch (JWTVerificationException e) {
            return null;
        }
    }
}
