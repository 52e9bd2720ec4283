package io.footfall.tinytrail.report;

import io.footfall.store.Dialect;

import java.util.List;

/**
 * TinyTrail's referrer channels (the document's table, not Umami's channel list), decided on a visit's landing
 * pageview by the first rule that holds:
 * <ol>
 *   <li>Email: {@code utm_medium} is {@code email}, or the referrer is a mail provider;</li>
 *   <li>Paid Search: the referrer is a search engine and {@code utm_medium} contains {@code cpc}, {@code ppc}
 *       or {@code paid};</li>
 *   <li>Organic Search: the referrer is a search engine;</li>
 *   <li>Social: the referrer is a social platform;</li>
 *   <li>Referral: any other referrer from another site;</li>
 *   <li>Direct: no referrer, or the website's own host.</li>
 * </ol>
 * Email comes first because its providers sit under search domains ({@code mail.google.com}) and a campaign
 * tagged {@code utm_medium=email} says how the visitor came whatever the referrer. {@code utm_medium} is compared
 * case-insensitively. A list entry ending in a dot ({@code google.}) matches where a label of the referrer
 * domain starts; any other entry matches the domain or a subdomain of it ({@code t.co}, not {@code chatgpt.com}).
 */
public final class TinyTrailChannels {
    public static final String EMAIL = "Email";
    public static final String PAID_SEARCH = "Paid Search";
    public static final String ORGANIC_SEARCH = "Organic Search";
    public static final String SOCIAL = "Social";
    public static final String REFERRAL = "Referral";
    public static final String DIRECT = "Direct";

    static final List<String> SEARCH_ENGINES = List.of("google.", "bing.com", "duckduckgo.com", "search.yahoo.com",
            "yandex.", "baidu.com", "ecosia.org", "search.brave.com", "startpage.com", "qwant.com");
    static final List<String> SOCIAL_PLATFORMS = List.of("t.co", "twitter.com", "x.com", "facebook.com", "fb.com",
            "instagram.com", "linkedin.com", "lnkd.in", "reddit.com", "pinterest.", "tiktok.com", "youtube.com",
            "news.ycombinator.com", "bsky.app", "threads.net", "mastodon.social");
    static final List<String> MAIL_PROVIDERS = List.of("mail.google.com", "gmail.com", "outlook.live.com",
            "outlook.office.com", "outlook.com", "mail.yahoo.com", "mail.proton.me", "proton.me", "mail.aol.com",
            "fastmail.com");
    static final List<String> PAID_MEDIUMS = List.of("cpc", "ppc", "paid");

    private TinyTrailChannels() {
    }

    /** A SQL CASE over alias {@code e} (referrer_domain, hostname, utm_medium) naming the channel. */
    public static String sql(Dialect d) {
        String medium = "lower(coalesce(e.utm_medium, ''))";
        String search = domainIn(d, SEARCH_ENGINES);
        StringBuilder paid = new StringBuilder("(");
        for (int i = 0; i < PAID_MEDIUMS.size(); i++) {
            paid.append(i == 0 ? "" : " OR ").append("strpos(").append(medium).append(", '").append(PAID_MEDIUMS.get(i)).append("') > 0");
        }
        paid.append(")");
        return "CASE WHEN " + medium + " = 'email' OR " + domainIn(d, MAIL_PROVIDERS) + " THEN '" + EMAIL + "'"
                + " WHEN " + search + " AND " + paid + " THEN '" + PAID_SEARCH + "'"
                + " WHEN " + search + " THEN '" + ORGANIC_SEARCH + "'"
                + " WHEN " + domainIn(d, SOCIAL_PLATFORMS) + " THEN '" + SOCIAL + "'"
                + " WHEN " + TinyTrailTerms.EXTERNAL_REFERRER + " THEN '" + REFERRAL + "'"
                + " ELSE '" + DIRECT + "' END";
    }

    private static String domainIn(Dialect d, List<String> entries) {
        String domain = "'.' || coalesce(e.referrer_domain, '')";
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) s.append(" OR ");
            String entry = entries.get(i);
            if (entry.endsWith(".")) s.append("strpos(").append(domain).append(", '.").append(entry).append("') > 0");
            else s.append(d.endsWith(domain, "'." + entry + "'"));
        }
        return s.append(")").toString();
    }
}
