package io.footfall.auth;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts small secrets that must be read back later (API keys for an administrator, TOTP secrets for
 * checking codes) with AES-256-GCM under a key derived from APP_SECRET. The stored text is
 * {@code v1:<base64 of 12-byte nonce + ciphertext + tag>}; a fresh random nonce per secret. Changing
 * APP_SECRET makes earlier ciphertexts unreadable, as it already invalidates login tokens.
 */
public final class SecretBox {
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(String appSecret) {
        this.key = new SecretKeySpec(AppSecret.derive(appSecret, "secret-box"), "AES");
    }

    public String encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plaintext; throws {@link IllegalArgumentException} when the text was not sealed with this key. */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(VERSION)) throw new IllegalArgumentException("not a sealed secret");
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            if (in.length <= NONCE_BYTES) throw new IllegalArgumentException("sealed secret too short");
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("sealed with another APP_SECRET, or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }
}
