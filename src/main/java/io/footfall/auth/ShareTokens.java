package io.footfall.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;

import java.util.Optional;
import java.util.UUID;

/**
 * Share tokens: HS256 JWTs naming a share and its website, signed with their own key derived from APP_SECRET
 * (so a share token is never a login token). They do not expire; deleting the share revokes them, which the
 * authenticator checks on every request.
 */
public final class ShareTokens {
    private final Algorithm algorithm;
    private final JWTVerifier verifier;

    public record Claims(UUID shareId, UUID websiteId) {
    }

    public ShareTokens(String appSecret) {
        this.algorithm = Algorithm.HMAC256(AppSecret.derive(appSecret, "share-token"));
        this.verifier = JWT.require(algorithm).withClaimPresence("shareId").withClaimPresence("websiteId").build();
    }

    public String issue(UUID shareId, UUID websiteId) {
        return JWT.create().withClaim("shareId", shareId.toString()).withClaim("websiteId", websiteId.toString())
                .sign(algorithm);
    }

    /** The claims of a token this server signed, or empty. */
    public Optional<Claims> verify(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            return Optional.of(new Claims(UUID.fromString(jwt.getClaim("shareId").asString()),
                    UUID.fromString(jwt.getClaim("websiteId").asString())));
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
