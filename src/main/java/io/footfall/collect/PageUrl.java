package io.footfall.collect;

import io.footfall.event.Event;


/**
 * The tracked page URL (absolute, or relative to the page's host) as Umami stores it: the path and hash as
 * the URL parser serialises them, then decoded as decodeURI decodes; the query exactly as the parser
 * serialises it (percent-encoded, empty when there is none); UTM fields and ad click ids as the query's
 * parameters read them (decoded).
 */
public record PageUrl(String path, String query, String host, Event.Campaign campaign) {
    static final int MAX_LENGTH = 500;

    public static PageUrl parse(String url, boolean removeTrailingSlash) {
        if (url == null || url.isEmpty()) return new PageUrl(null, "", null, Event.Campaign.NONE);
        WebUrl u = WebUrl.parse(url);
        String path = u.pathname().equals("/undefined") ? "" : u.pathname() + u.hash();
        if (removeTrailingSlash) path = stripTrailingSlash(path);
        return new PageUrl(cut(UriCodec.decodeUri(path)), cut(u.query()), u.host(), campaign(u.query()));
    }

    /** Drops the first slash, other than a leading one, that ends the path or comes right before the hash. */
    private static String stripTrailingSlash(String path) {
        for (int i = 1; i < path.length(); i++) {
            if (path.charAt(i) == '/' && (i == path.length() - 1 || path.charAt(i + 1) == '#')) {
                return path.substring(0, i) + path.substring(i + 1);
            }
        }
        return path;
    }

    /** The first value of each campaign parameter, decoded as URLSearchParams decodes it; empty is none. */
    private static Event.Campaign campaign(String query) {
        if (query.isEmpty()) return Event.Campaign.NONE;
        String[] v = new String[11];
        boolean[] seen = new boolean[11];
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = UriCodec.formDecode(eq < 0 ? pair : pair.substring(0, eq));
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
            if (slot >= 0 && !seen[slot]) {
                seen[slot] = true;
                String value = eq < 0 ? "" : UriCodec.formDecode(pair.substring(eq + 1));
                if (!value.isEmpty()) v[slot] = cut(value);
            }
        }
        return new Event.Campaign(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    static String cut(String s) {
        return s == null || s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH);
    }
}
