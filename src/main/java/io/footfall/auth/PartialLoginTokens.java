package io.footfall.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The short-lived token a correct password earns when the account has two-factor login on (Umami's
 * {@code partialToken}): it only proves the password, opens nothing but {@code POST /api/2fa/verify}, and is
 * signed with its own key, so it can never pass as a login token.
 */
public final class PartialLoginTokens {
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private final Algorithm algorithm;
    private final JWTVerifier verifier;

    public PartialLoginTokens(String appSecret) {
        this.algorithm = Algorithm.HMAC256(AppSecret.derive(appSecret, "partial-auth-token"));
        this.verifier = JWT.require(algorithm).withClaim("type", "partial-auth").withClaimPresence("userId").build();
    }

    public String issue(UUID userId) {
        Instant now = Instant.now();
        return JWT.create().withClaim("type", "partial-auth").withClaim("userId", userId.toString())
                .withIssuedAt(now).withExpiresAt(now.plus(LIFETIME)).sign(algorithm);
    }

    public Optional<UUID> verify(String token) {
        try {
            return Optional.of(UUID.fromString(verifier.verify(token).getClaim("userId").asString()));
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
