package io.footfall.collect;

import io.footfall.collect.UriCodec.EncodeSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A URL split as a browser's URL parser splits {@code new URL(input, "https://" + host)}: the parts come out
 * serialised (percent-encoded) the same way, which is what Umami stores. Covers what trackers and clients
 * send: absolute URLs of any scheme, scheme-relative {@code //host/...}, and paths, queries or fragments
 * relative to an https page; dot segments are resolved and, for http(s), a backslash separates segments.
 * Host names are lower-cased and not punycoded.
 *
 * @param host     the host name without port or user info, or null when the input is relative
 * @param pathname the path, percent-encoded ({@code /} at least for http(s))
 * @param query    the query without {@code ?}, percent-encoded; empty when there is none
 * @param hash     the fragment with its {@code #}, percent-encoded; empty when there is none
 */
record WebUrl(String host, String pathname, String query, String hash) {

    private static final Set<String> SPECIAL = Set.of("http", "https", "ws", "wss", "ftp", "file");

    static WebUrl parse(String input) {
        String s = clean(input);
        int colon = schemeEnd(s);
        String scheme = colon > 0 ? s.substring(0, colon).toLowerCase() : null;
        String rest = colon > 0 ? s.substring(colon + 1) : s;
        if (scheme == null || scheme.equals("https") && !startsWithSlash(rest, true)) {
            // Relative to the https page: "//host/..." names a host, anything else a path on the page's host.
            if (startsWithSlash(rest, true) && rest.length() > 1 && isSlash(rest.charAt(1), true)) {
                return withAuthority(rest.substring(2), true);
            }
            return pathOnward(null, startsWithSlash(rest, true) ? rest : "/" + rest, true);
        }
        boolean special = SPECIAL.contains(scheme);
        if (special) {
            int i = 0;
            while (i < rest.length() && isSlash(rest.charAt(i), true)) i++;
            return withAuthority(rest.substring(i), true);
        }
        if (rest.startsWith("//")) return withAuthority(rest.substring(2), false);
        return opaque(rest);
    }

    /** Drops leading and trailing controls and spaces, and every tab and newline, as the parser does first. */
    private static String clean(String input) {
        int start = 0;
        int end = input.length();
        while (start < end && input.charAt(start) <= ' ') start++;
        while (end > start && input.charAt(end - 1) <= ' ') end--;
        String s = input.substring(start, end);
        if (s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return s.replace("\t", "").replace("\n", "").replace("\r", "");
    }

    /** The index of the colon ending a scheme (a letter, then letters, digits, '+', '-', '.'), or -1. */
    private static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) return -1;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') return i;
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) return -1;
        }
        return -1;
    }

    private static WebUrl withAuthority(String s, boolean special) {
        int end = 0;
        while (end < s.length() && !(s.charAt(end) == '/' || s.charAt(end) == '?' || s.charAt(end) == '#'
                || special && s.charAt(end) == '\\')) {
            end++;
        }
        String authority = s.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) authority = authority.substring(at + 1);
        int port = authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
        String host = (port > 0 ? authority.substring(0, port) : authority).toLowerCase();
        String rest = s.substring(end);
        if (special && !startsWithSlash(rest, true)) rest = "/" + rest;
        return pathOnward(host, rest, special);
    }

    /** Splits "path?query#fragment" (path empty or starting with a slash) and serialises each part. */
    private static WebUrl pathOnward(String host, String s, boolean special) {
        Parts p = Parts.of(s);
        return new WebUrl(host, path(p.rest(), special), UriCodec.encode(p.query(), special ? EncodeSet.SPECIAL_QUERY : EncodeSet.QUERY),
                hash(p.fragment()));
    }

    /** A URL without a host, like {@code mailto:x}: its path is kept as one opaque string. */
    private static WebUrl opaque(String s) {
        Parts p = Parts.of(s);
        return new WebUrl(null, UriCodec.encode(p.rest(), EncodeSet.CONTROLS), UriCodec.encode(p.query(), EncodeSet.QUERY), hash(p.fragment()));
    }

    /** "rest?query#fragment" in its three raw parts: the query "" and the fragment null when absent. */
    private record Parts(String rest, String query, String fragment) {
        static Parts of(String s) {
            String fragment = null;
            int h = s.indexOf('#');
            if (h >= 0) {
                fragment = s.substring(h + 1);
                s = s.substring(0, h);
            }
            int q = s.indexOf('?');
            return q < 0 ? new Parts(s, "", fragment) : new Parts(s.substring(0, q), s.substring(q + 1), fragment);
        }
    }

    private static String hash(String fragment) {
        return fragment == null || fragment.isEmpty() ? "" : "#" + UriCodec.encode(fragment, EncodeSet.FRAGMENT);
    }

    /** The path with "." and ".." segments resolved and each segment encoded; "/" at least for http(s). */
    private static String path(String s, boolean special) {
        if (s.isEmpty()) return special ? "/" : "";
        List<String> out = new ArrayList<>();
        int start = 1;
        while (start <= s.length()) {
            int end = start;
            while (end < s.length() && !isSlash(s.charAt(end), special)) end++;
            String segment = s.substring(start, end);
            boolean last = end >= s.length();
            if (isDoubleDot(segment)) {
                if (!out.isEmpty()) out.removeLast();
                if (last) out.add("");
            } else if (isSingleDot(segment)) {
                if (last) out.add("");
            } else {
                out.add(UriCodec.encode(segment, EncodeSet.PATH));
            }
            start = end + 1;
        }
        return "/" + String.join("/", out);
    }

    private static boolean isSingleDot(String segment) {
        return segment.equals(".") || segment.equalsIgnoreCase("%2e");
    }

    private static boolean isDoubleDot(String segment) {
        return switch (segment.toLowerCase()) {
            case "..", ".%2e", "%2e.", "%2e%2e" -> true;
            default -> false;
        };
    }

    private static boolean startsWithSlash(String s, boolean special) {
        return !s.isEmpty() && isSlash(s.charAt(0), special);
    }

    private static boolean isSlash(char c, boolean special) {
        return c == '/' || special && c == '\\';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
