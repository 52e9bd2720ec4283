package io.footfall.collect.geo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * Location from the geo headers a CDN adds, as Umami reads them: Cloudflare, then Vercel, then
 * CloudFront. The region header carries the ISO 3166-2 suffix ({@code BE}); it becomes
 * {@code CC-BE} unless it already contains a dash.
 */
public final class HeaderLocation {

    private HeaderLocation() {
    }

    private record Provider(String country, String region, String city, boolean urlEncoded) {
    }

    private static final Provider[] PROVIDERS = {
        new Provider("cf-ipcountry", "cf-region-code", "cf-ipcity", false),
        new Provider("x-vercel-ip-country", "x-vercel-ip-country-region", "x-vercel-ip-city", true),
        new Provider("cloudfront-viewer-country", "cloudfront-viewer-country-region", "cloudfront-viewer-city", false),
    };

    /**
     * @param header looks up a request header by lower-case name, returning null when absent
     * @return the location, or null when no CDN country header is present (or it says unknown:
     *     {@code XX}, {@code T1} Tor)
     */
    public static Location fromHeaders(Function<String, String> header) {
        for (Provider p : PROVIDERS) {
            String rawCountry = trimToNull(header.apply(p.country()));
            if (rawCountry == null) {
                continue;
            }
            String country = country(rawCountry);
            if (country == null) {
                return null;
            }
            String region = region(country, decode(header.apply(p.region()), false));
            String city = decode(header.apply(p.city()), p.urlEncoded());
            return new Location(country, region, city);
        }
        return null;
    }

    private static String country(String raw) {
        String c = raw.toUpperCase(Locale.ROOT);
        if (c.length() != 2 || !Character.isLetter(c.charAt(0)) || !Character.isLetter(c.charAt(1))
                || c.equals("XX") || c.equals("T1") || c.equals("ZZ")) {
            return null;
        }
        return c;
    }

    private static String region(String country, String raw) {
        if (raw == null) {
            return null;
        }
        String r = raw.toUpperCase(Locale.ROOT);
        String code = r.contains("-") ? r : country + "-" + r;
        // ISO 3166-2: country code, a dash, then up to three letters or digits
        return code.matches("[A-Z]{2}-[A-Z0-9]{1,3}") ? code : null;
    }

    private static String decode(String value, boolean urlEncoded) {
        String v = trimToNull(value);
        if (v == null) {
            return null;
        }
        if (urlEncoded && v.indexOf('%') >= 0) {
            try {
                v = URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException ignored) {
                // keep the raw value
            }
        }
        return trimToNull(latin1AsUtf8(v));
    }

    /**
     * CDNs send UTF-8 bytes; an HTTP stack that decodes header bytes as ISO-8859-1 turns
     * {@code São} into {@code SÃ£o}. Umami re-decodes such values; so do we, when the result is
     * valid UTF-8.
     */
    static String latin1AsUtf8(String v) {
        boolean high = false;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch > 0xFF) {
                return v;
            }
            high |= ch >= 0x80;
        }
        if (!high) {
            return v;
        }
        byte[] bytes = v.getBytes(StandardCharsets.ISO_8859_1);
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return v;
        }
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
