package io.footfall.collect;

import io.footfall.event.Event;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Splits the tracked page URL (absolute, or a path resolved against the hostname) into path
 * (with hash, percent-decoded), query, host, UTM fields and ad click ids, as Umami stores them.
 */
public record PageUrl(String path, String query, String host, Event.Campaign campaign) {
    static final int MAX_LENGTH = 500;

    public static PageUrl parse(String url, boolean removeTrailingSlash) {
        if (url == null || url.isEmpty()) return new PageUrl(null, null, null, Event.Campaign.NONE);
        String rest = url;
        String host = null;
        int scheme = rest.indexOf("://");
        if (scheme > 0 && scheme < 24 && isScheme(rest.substring(0, scheme))) {
            rest = rest.substring(scheme + 3);
            int slash = firstOf(rest, "/?#");
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            rest = slash < 0 ? "/" : rest.substring(slash);
            int at = authority.lastIndexOf('@');
            if (at >= 0) authority = authority.substring(at + 1);
            int colon = authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
            host = (colon > 0 ? authority.substring(0, colon) : authority).toLowerCase();
        }
        String hash = "";
        int h = rest.indexOf('#');
        if (h >= 0) {
            hash = rest.substring(h);
            rest = rest.substring(0, h);
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = rest.isEmpty() ? "/" : (rest.startsWith("/") ? rest : "/" + rest);
        if (path.equals("/undefined")) path = "";
        path = decode(path) + decode(hash);
        if (removeTrailingSlash && path.length() > 1) path = stripTrailingSlash(path);
        return new PageUrl(cut(path), query.isEmpty() ? null : cut(query), host, campaign(query));
    }

    /** RFC 3986 scheme: a letter, then letters, digits, '+', '-' or '.' (android-app, ios-app, http). */
    private static boolean isScheme(String s) {
        if (!Character.isLetter(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) return false;
        }
        return true;
    }

    private static String stripTrailingSlash(String path) {
        int hash = path.indexOf('#');
        String p = hash < 0 ? path : path.substring(0, hash);
        String tail = hash < 0 ? "" : path.substring(hash);
        if (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p + tail;
    }

    private static Event.Campaign campaign(String query) {
        if (query.isEmpty()) return Event.Campaign.NONE;
        String[] v = new String[11];
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            String key = pair.substring(0, eq);
            int slot = switch (key) {
                case "utm_source" -> 0;
                case "utm_medium" -> 1;
                case "utm_campaign" -> 2;
                case "utm_content" -> 3;
                case "utm_term" -> 4;
                case "gclid" -> 5;
                case "fbclid" -> 6;
                case "msclkid" -> 7;
                case "ttclid" -> 8;
                case "li_fat_id" -> 9;
                case "twclid" -> 10;
                default -> -1;
            };
            if (slot >= 0 && v[slot] == null) {
                String value = decodeQueryValue(pair.substring(eq + 1));
                if (!value.isEmpty()) v[slot] = cut(value);
            }
        }
        return new Event.Campaign(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    /** Percent-decoding that keeps the raw text when it is not valid UTF-8 percent-encoding. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String decodeQueryValue(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    static String cut(String s) {
        return s == null || s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH);
    }
}
