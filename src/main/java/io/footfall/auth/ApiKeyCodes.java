package io.footfall.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The text of API keys, as Umami 3.3 makes them: {@code umami_} followed by 32 letters and digits (about 190
 * bits). A key is looked up by its SHA-256 (hex): it is random enough that a salt or a slow hash adds nothing,
 * and a plain digest lets every request find its key with one indexed read.
 */
public final class ApiKeyCodes {
    public static final String PREFIX = "umami_";
    /** TinyTrail's keys ({@code tt_} + 32 letters and digits): same table, same service, recognised by both APIs. */
    public static final String TINYTRAIL_PREFIX = "tt_";
    static final int LENGTH = 32;
    /** What lists show of a key: the prefix and its first 8 characters, as Umami's {@code keyPrefix}. */
    static final int DISPLAY_LENGTH = PREFIX.length() + 8;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyCodes() {
    }

    public static String generate() {
        return generate(PREFIX);
    }

    public static String generate(String prefix) {
        StringBuilder sb = new StringBuilder(prefix.length() + LENGTH).append(prefix);
        for (int i = 0; i < LENGTH; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    /** Whether a presented token is meant as an API key (rather than a login token). */
    public static boolean looksLikeKey(String token) {
        return token != null && (token.startsWith(PREFIX) || token.startsWith(TINYTRAIL_PREFIX));
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(DISPLAY_LENGTH, key.length()));
    }

    public static String last4(String key) {
        return key.substring(Math.max(0, key.length() - 4));
    }
}
