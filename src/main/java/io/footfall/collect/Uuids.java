package io.footfall.collect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Name-based UUID v5 (SHA-1), so the same inputs always give the same session or visit id. */
public final class Uuids {
    private static final UUID NAMESPACE = UUID.fromString("1b671a64-40d5-491e-99b0-da01ff1f3341");
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private Uuids() {
    }

    /** A v5 UUID of the parts joined (each part length-prefixed so `ab`+`c` differs from `a`+`bc`). */
    public static UUID v5(String... parts) {
        MessageDigest md = SHA1.get();
        md.reset();
        md.update(toBytes(NAMESPACE));
        for (String p : parts) {
            byte[] b = (p == null ? "" : p).getBytes(StandardCharsets.UTF_8);
            md.update((byte) (b.length >>> 24));
            md.update((byte) (b.length >>> 16));
            md.update((byte) (b.length >>> 8));
            md.update((byte) b.length);
            md.update(b);
        }
        byte[] h = md.digest();
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) msb = (msb << 8) | (h[i] & 0xff);
        for (int i = 8; i < 16; i++) lsb = (lsb << 8) | (h[i] & 0xff);
        return new UUID(msb, lsb);
    }

    /**
     * A random (version 4) UUID from a non-blocking generator: event ids need uniqueness, not secrecy,
     * and {@link UUID#randomUUID()} serialises every caller on the system's secure random source.
     */
    public static UUID randomV4() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long msb = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /**
     * The UUID written as canonical 8-4-4-4-12 ASCII hex (either case), or null for anything else.
     * {@link UUID#fromString} is no check: it accepts shorter groups and, through {@link Character#digit},
     * non-ASCII digits such as full-width {@code １} or Arabic-Indic {@code ٠}, which would make one id
     * reachable under many spellings.
     */
    public static UUID parseCanonical(String s) {
        if (s == null || s.length() != 36) return null;
        long msb = 0;
        long lsb = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') return null;
                continue;
            }
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return null;
            if (digits++ < 16) msb = (msb << 4) | d;
            else lsb = (lsb << 4) | d;
        }
        return new UUID(msb, lsb);
    }

    private static byte[] toBytes(UUID u) {
        byte[] b = new byte[16];
        long m = u.getMostSignificantBits();
        long l = u.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (m >>> (56 - 8 * i));
            b[8 + i] = (byte) (l >>> (56 - 8 * i));
        }
        return b;
    }
}
