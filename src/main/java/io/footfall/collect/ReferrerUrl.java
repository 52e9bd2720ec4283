package io.footfall.collect;

import io.footfall.event.Event;

/** Splits a referrer URL into domain (lower case, no `www.`), path and query; same-page `localhost` has no domain. */
public final class ReferrerUrl {
    private ReferrerUrl() {
    }

    public static Event.Referrer parse(String referrer) {
        if (referrer == null || referrer.isBlank()) return Event.Referrer.NONE;
        PageUrl u = PageUrl.parse(referrer.trim(), false);
        String domain = u.host();
        if (domain != null) {
            if (domain.startsWith("www.")) domain = domain.substring(4);
            if (domain.isEmpty() || domain.equals("localhost")) domain = null;
        }
        String path = u.path();
        String rawQuery = u.query();
        return new Event.Referrer(PageUrl.cut(domain), path, rawQuery);
    }
}
