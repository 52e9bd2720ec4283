package io.footfall.collect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding a browser's URL parser applies when it serialises a URL (the WHATWG encode sets),
 * and the decoders Umami runs on what it stores: JavaScript's decodeURI and decodeURIComponent, and the
 * form-urlencoded decoding behind {@code URLSearchParams}. Existing {@code %XX} escapes are never
 * encoded again, so serialising twice gives the same text.
 */
final class UriCodec {
    private UriCodec() {
    }

    /** Which characters besides C0 controls, DEL and non-ASCII a URL component encodes. */
    enum EncodeSet {
        /** An opaque path (a URL like {@code mailto:x}). */
        CONTROLS(""),
        FRAGMENT(" \"<>`"),
        /** The query of a non-special URL. */
        QUERY(" \"#<>"),
        /** The query of an http(s) URL: also the apostrophe. */
        SPECIAL_QUERY(" \"#<>'"),
        PATH(" \"#<>?`{}");

        private final String extra;

        EncodeSet(String extra) {
            this.extra = extra;
        }

        boolean encodes(int c) {
            return c < 0x20 || c > 0x7E || extra.indexOf(c) >= 0;
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** The text with every character of the set as UTF-8 {@code %XX}; a lone surrogate becomes U+FFFD. */
    static String encode(String s, EncodeSet set) {
        int i = 0;
        while (i < s.length() && !set.encodes(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!set.encodes(cp)) {
                out.append((char) cp);
                continue;
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    /** JavaScript's decodeURI, except that malformed input gives the input back (Umami's safeDecodeURI). */
    static String decodeUri(String s) {
        String decoded = decode(s, ";/?:@&=+$,#");
        return decoded == null ? s : decoded;
    }

    /** JavaScript's decodeURIComponent, except that malformed input gives the input back. */
    static String decodeUriComponent(String s) {
        String decoded = decode(s, "");
        return decoded == null ? s : decoded;
    }

    /**
     * Percent-decoding as JavaScript's decoders do it: escapes of ASCII characters in {@code keep} stay
     * escaped; null when an escape is incomplete or the bytes are not well-formed UTF-8 (a URIError there).
     */
    private static String decode(String s, String keep) {
        int pct = s.indexOf('%');
        if (pct < 0) return s;
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, pct);
        int i = pct;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int b = hexByte(s, i);
            if (b < 0) return null;
            if (b < 0x80) {
                if (keep.indexOf(b) >= 0) out.append(s, i, i + 3);
                else out.append((char) b);
                i += 3;
                continue;
            }
            int n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
            if (n == 0) return null;
            int cp = b & (0xFF >> (n + 1));
            for (int k = 1; k < n; k++) {
                int at = i + 3 * k;
                if (at >= s.length() || s.charAt(at) != '%') return null;
                int cont = hexByte(s, at);
                if (cont < 0 || (cont & 0xC0) != 0x80) return null;
                cp = (cp << 6) | (cont & 0x3F);
            }
            int min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return null;
            out.appendCodePoint(cp);
            i += 3 * n;
        }
        return out.toString();
    }

    /** The byte of the escape at {@code i} ({@code %XX}), or -1 when it is not one. */
    private static int hexByte(String s, int i) {
        if (i + 2 >= s.length()) return -1;
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }

    /**
     * A name or value of an {@code application/x-www-form-urlencoded} string as {@code URLSearchParams}
     * reads it: '+' is a space, valid escapes are bytes, anything else is kept, and bytes that are not
     * UTF-8 become U+FFFD.
     */
    static String formDecode(String s) {
        if (s.indexOf('%') < 0) return s.replace('+', ' ');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            int b = c == '%' ? hexByte(s, i) : -1;
            if (b >= 0) {
                bytes.write(b);
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] utf8 = (c == '+' ? " " : new String(Character.toChars(cp))).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
