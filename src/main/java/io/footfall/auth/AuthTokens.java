package io.footfall.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login tokens: HS256 JWTs carrying the user id, signed with a key derived from APP_SECRET.
 * Logout revokes a token by its id until it would have expired anyway.
 */
public final class AuthTokens {
    public static final Duration LIFETIME = Duration.ofDays(1);

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    public AuthTokens(String appSecret) {
        this.algorithm = Algorithm.HMAC256(AppSecret.derive(appSecret, "auth-token"));
        this.verifier = JWT.require(algorithm).withClaimPresence("userId").build();
    }

    public String issue(UUID userId) {
        Instant now = Instant.now();
        return JWT.create()
                .withJWTId(UUID.randomUUID().toString())
                .withClaim("userId", userId.toString())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(LIFETIME))
                .sign(algorithm);
    }

    /** The user id of a valid, unrevoked token. */
    public Optional<UUID> verify(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            if (jwt.getId() != null && revoked.containsKey(jwt.getId())) return Optional.empty();
            return Optional.of(UUID.fromString(jwt.getClaim("userId").asString()));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void revoke(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            if (jwt.getId() != null) revoked.put(jwt.getId(), jwt.getExpiresAtAsInstant());
            Instant now = Instant.now();
            revoked.values().removeIf(exp -> exp.isBefore(now));
        } catch (JWTVerificationException ignored) {
            // an invalid token is already unusable
        }
    }
}
