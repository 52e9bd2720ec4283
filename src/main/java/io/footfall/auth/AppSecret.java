package io.footfall.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The server's signing secret: APP_SECRET when set, otherwise a random one generated on first start
 * and kept in DATA_DIR, so tokens survive restarts and no install shares a guessable default.
 */
public final class AppSecret {
    private AppSecret() {
    }

    public static String resolve(String configured, Path dataDir) throws IOException {
        if (configured != null) return configured;
        Path file = dataDir.resolve("app-secret");
        if (Files.exists(file)) {
            String s = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!s.isEmpty()) return s;
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        Files.createDirectories(dataDir);
        Files.writeString(file, secret, StandardCharsets.UTF_8);
        // Owner-only where the file system has POSIX permissions; elsewhere the directory's protection applies.
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return secret;
    }

    /** A sub-key for one purpose, so a token of one kind can never pass as another. */
    public static byte[] derive(String secret, String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
