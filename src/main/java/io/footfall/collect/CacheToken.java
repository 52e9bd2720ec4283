package io.footfall.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.auth.AppSecret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The `cache` token returned by /api/send and sent back by trackers: an HS256 JWT of
 * {websiteId, sessionId, visitId, iat}, as Umami's. Here `iat` is the last activity, so a visit ends
 * after 30 minutes without hits even if the server restarted in between.
 * <p>
 * Written by hand rather than with a JWT library because it is made on every collected hit: the
 * header is constant, the payload is three UUIDs and a number, and the MAC is the only real work.
 */
public final class CacheToken {
    public record Claims(UUID websiteId, UUID sessionId, UUID visitId, Instant lastSeen) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public CacheToken(String appSecret) {
        this.key = new SecretKeySpec(AppSecret.derive(appSecret, "collect-cache"), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(key);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public String issue(Claims c) {
        String payload = "{\"websiteId\":\"" + c.websiteId() + "\",\"sessionId\":\"" + c.sessionId()
                + "\",\"visitId\":\"" + c.visitId() + "\",\"iat\":" + c.lastSeen().getEpochSecond() + "}";
        String signingInput = HEADER + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + B64.encodeToString(sign(signingInput));
    }

    /** The claims of a valid token, or null for anything missing, malformed or forged. */
    public Claims read(String token) {
        if (token == null || token.length() > 2000) return null;
        int first = token.indexOf('.');
        int last = token.lastIndexOf('.');
        if (first <= 0 || last <= first) return null;
        try {
            byte[] given = B64D.decode(token.substring(last + 1));
            if (!MessageDigest.isEqual(given, sign(token.substring(0, last)))) return null;
            JsonNode p = JSON.readTree(B64D.decode(token.substring(first + 1, last)));
            UUID w = Uuids.parseCanonical(p.path("websiteId").asText(null));
            UUID s = Uuids.parseCanonical(p.path("sessionId").asText(null));
            UUID v = Uuids.parseCanonical(p.path("visitId").asText(null));
            JsonNode iat = p.get("iat");
            if (w == null || s == null || v == null || iat == null || !iat.canConvertToLong()) return null;
            return new Claims(w, s, v, Instant.ofEpochSecond(iat.asLong()));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private byte[] sign(String signingInput) {
        return macs.get().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    }
}
