package io.footfall.collect;

import io.footfall.event.Event;

/**
 * Splits a referrer URL as Umami stores it: domain (lower case, no {@code www.}; none for a relative referrer
 * or {@code localhost}), path decoded as decodeURI decodes it (no hash), and query exactly as the URL parser
 * serialises it (percent-encoded; empty when the referrer has none).
 */
public final class ReferrerUrl {
    private ReferrerUrl() {
    }

    public static Event.Referrer parse(String referrer) {
        if (referrer == null || referrer.isBlank()) return Event.Referrer.NONE;
        WebUrl u = WebUrl.parse(referrer);
        String domain = u.host();
        if (domain != null) {
            if (domain.startsWith("www.")) domain = domain.substring(4);
            if (domain.isEmpty() || domain.equals("localhost")) domain = null;
        }
        return new Event.Referrer(PageUrl.cut(domain), PageUrl.cut(UriCodec.decodeUri(u.pathname())), PageUrl.cut(u.query()));
    }
}
