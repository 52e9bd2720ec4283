package io.footfall.event;

import java.time.Instant;
import java.util.UUID;

/** One row of the wide event table: the hit plus the session attributes copied onto it. */
public record Event(
        UUID eventId,
        UUID websiteId,
        UUID sessionId,
        UUID visitId,
        Instant createdAt,
        int eventType,
        String eventName,
        Page page,
        Referrer referrer,
        Campaign campaign,
        SessionAttributes session,
        WebVitals vitals) {

    /** Where the hit happened; {@code urlQuery} is empty, never null, for a URL without a query (as Umami stores it). */
    public record Page(String hostname, String urlPath, String urlQuery, String pageTitle, String tag) {
        public Page {
            if (urlQuery == null) urlQuery = "";
        }
    }

    /** Where the visitor came from; domain without `www.`. */
    public record Referrer(String domain, String path, String query) {
        public static final Referrer NONE = new Referrer(null, null, null);
    }

    /** UTM parameters and ad click ids from the page URL. */
    public record Campaign(String utmSource, String utmMedium, String utmCampaign, String utmContent, String utmTerm,
                           String gclid, String fbclid, String msclkid, String ttclid, String liFatId, String twclid) {
        public static final Campaign NONE = new Campaign(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Attributes of the visitor's session, taken from its request. */
    public record SessionAttributes(String browser, String os, String device, String screen, String language,
                                    String country, String region, String city, String distinctId) {
    }

    /** Core web vitals from a `performance` hit; all null for other hits. */
    public record WebVitals(Double lcp, Double inp, Double cls, Double fcp, Double ttfb) {
        public static final WebVitals NONE = new WebVitals(null, null, null, null, null);
    }
}
