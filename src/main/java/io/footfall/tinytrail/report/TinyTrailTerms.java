package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.store.Dialect;

/**
 * TinyTrail's report terms on Footfall's {@code event} rows, in this one place (SQL over alias {@code e}):
 * <ul>
 *   <li><b>pageview</b>: a row with {@code event_type = 1} (TinyTrail {@code page_view}, Umami pageview);</li>
 *   <li><b>visit</b>: the rows sharing a {@code visit_id} (a new one after 30 minutes without activity), counted
 *       when it has a pageview in the period; <b>unique visitor</b>: a distinct {@code session_id};</li>
 *   <li><b>unique pageviews</b> of a path: the distinct visits that viewed it;</li>
 *   <li><b>bounce</b>: a visit with exactly one pageview (custom events such as {@code scroll_50} or
 *       {@code close_tab} do not make it engaged);</li>
 *   <li><b>session duration</b>: a visit's last minus first activity (pageviews and custom events, so a
 *       {@code close_tab} ends the visit's time; Umami's totaltime spans views only), in whole seconds;</li>
 *   <li><b>landing page</b> / <b>exit page</b>: the path of a visit's first / last pageview in the period;
 *       a visit's <b>referrer</b>, <b>UTM</b>, <b>channel</b> ({@link TinyTrailChannels}) and device are
 *       those of its landing pageview; <b>domain</b> is the referrer's domain (lower case, no {@code www.});</li>
 *   <li><b>device type</b>: Umami's device with {@code laptop} as {@code desktop} ({@code desktop},
 *       {@code mobile}, {@code tablet}, rarer ones as stored, {@code unknown}); <b>browser family</b> and
 *       <b>OS family</b>: the stored browser and OS names folded into product names ({@code Chrome} for
 *       chrome/crios/chromium-webview, {@code macOS} for Mac OS, {@code Windows} for every Windows version...);</li>
 *   <li><b>screen bucket</b>: the stored screen's width (the part before {@code x}):
 *       {@code 320-375} (any width up to 375), {@code 376-768}, {@code 769-1024}, {@code 1025-1440},
 *       {@code 1441+}, and {@code unknown} for no screen, a width of 0 or an unreadable one.</li>
 * </ul>
 */
public final class TinyTrailTerms {
    public static final String PAGEVIEW = "e.event_type = 1";
    /** What a visit's activity is made of: pageviews and custom events (not web-vitals rows). */
    public static final String ACTIVITY = "e.event_type IN (1, 2)";
    /** A referrer from another site than the page's own host. */
    static final String EXTERNAL_REFERRER = "(coalesce(e.referrer_domain, '') <> '' AND e.referrer_domain <> "
            + "regexp_replace(coalesce(e.hostname, ''), '^www\\.', ''))";
    public static final String UNKNOWN = "Unknown";

    private TinyTrailTerms() {
    }

    public static String deviceType() {
        return "CASE WHEN coalesce(e.device, '') = '' THEN 'unknown' WHEN e.device = 'laptop' THEN 'desktop' ELSE e.device END";
    }

    public static String browserFamily() {
        return "CASE WHEN coalesce(e.browser, '') = '' THEN '" + UNKNOWN + "'"
                + " WHEN e.browser IN ('chrome', 'crios', 'chromium-webview') THEN 'Chrome'"
                + " WHEN e.browser IN ('safari', 'ios', 'ios-webview') THEN 'Safari'"
                + " WHEN e.browser IN ('firefox', 'fxios') THEN 'Firefox'"
                + " WHEN e.browser IN ('edge', 'edge-chromium', 'edge-ios') THEN 'Edge'"
                + " WHEN e.browser IN ('opera', 'opera-mini') THEN 'Opera'"
                + " WHEN e.browser = 'samsung' THEN 'Samsung Internet'"
                + " WHEN e.browser = 'ie' THEN 'Internet Explorer'"
                + " WHEN e.browser = 'yandexbrowser' THEN 'Yandex'"
                + " WHEN e.browser = 'miui' THEN 'MIUI Browser'"
                + " WHEN e.browser = 'android' THEN 'Android Browser'"
                + " WHEN e.browser = 'silk' THEN 'Silk'"
                + " WHEN e.browser = 'facebook' THEN 'Facebook'"
                + " WHEN e.browser = 'instagram' THEN 'Instagram'"
                + " ELSE e.browser END";
    }

    public static String osFamily() {
        return "CASE WHEN coalesce(e.os, '') = '' THEN '" + UNKNOWN + "'"
                + " WHEN e.os = 'Windows Mobile' THEN 'Windows Phone'"
                + " WHEN e.os LIKE 'Windows%' THEN 'Windows'"
                + " WHEN e.os = 'Mac OS' THEN 'macOS'"
                + " WHEN e.os = 'Android OS' THEN 'Android'"
                + " ELSE e.os END";
    }

    /** The screen bucket; binds one parameter (the width's shape). */
    public static SqlText screenBucket(Dialect d) {
        String width = "CAST(split_part(e.screen, 'x', 1) AS INTEGER)";
        return new SqlText().add("CASE WHEN " + d.regexMatches("e.screen") + " THEN CASE"
                + " WHEN " + width + " = 0 THEN 'unknown'"
                + " WHEN " + width + " <= 375 THEN '320-375'"
                + " WHEN " + width + " <= 768 THEN '376-768'"
                + " WHEN " + width + " <= 1024 THEN '769-1024'"
                + " WHEN " + width + " <= 1440 THEN '1025-1440'"
                + " ELSE '1441+' END ELSE 'unknown' END", d.regexPattern("^[0-9]{1,6}x"));
    }
}
