package io.footfall.query;

import java.util.List;
import java.util.Map;

/**
 * Traffic channels (Umami's {@code type=channel}), as one ordered table of rules: the first rule that
 * matches names the channel. Search, social, shopping and video get a {@code paid} prefix when
 * utm_medium says paid, {@code organic} otherwise. A hit with neither referrer nor query string is
 * {@code direct}; a hit no rule matches has no channel and is not counted.
 *
 * <p>The same table renders the SQL CASE the metrics query groups by, and classifies in Java for tests.
 */
public final class Channels {

    /** What a rule looks at: substrings of these fields (case-sensitive, as Umami's position()). */
    enum Field {
        REFERRER("referrer_domain"), QUERY("url_query"), UTM_MEDIUM("utm_medium"), UTM_SOURCE("utm_source");

        final String column;

        Field(String column) {
            this.column = column;
        }
    }

    /** A rule: channel name (with {@code *} for the paid/organic prefix), matched by any of its fields' substrings. */
    record Rule(String channel, Map<Field, List<String>> anyOf) {
    }

    static final List<String> PAID_MEDIUMS = List.of("cp", "ppc", "retargeting", "paid");

    static final List<String> SEARCH = List.of("baidu.com", "bing.com", "duckduckgo.com", "ecosia.org", "google.",
            "msn.com", "search.brave.com", "yandex.");
    static final List<String> SOCIAL = List.of("bsky.app", "facebook.com", "fb.com", "ig.com", "instagram.com",
            "linkedin.", "news.ycombinator.com", "pinterest.", "reddit.", "snapchat.", "t.co", "threads.net", "tiktok.",
            "twitter.com", "x.com");
    static final List<String> EMAIL = List.of("gmail.", "hotmail.", "mail.yahoo.", "outlook.", "proton.me", "protonmail.");
    static final List<String> SHOPPING = List.of("alibaba.com", "aliexpress.com", "amazon.", "bestbuy.com", "ebay.com",
            "etsy.com", "newegg.com", "target.com", "walmart.com");
    static final List<String> VIDEO = List.of("twitch.", "youtube.");
    static final List<String> PAID_AD_PARAMS = List.of("ad_id=", "aid=", "dclid=", "epik=", "gclid=", "li_fat_id=",
            "msclkid=", "ob_click_id=", "pc_id=", "rdt_cid=", "scid=", "ttclid=", "twclid=", "utm_medium=cpc",
            "utm_medium=paid", "utm_medium=paid_social", "utm_source=google");

    /** After {@code direct}, in order. */
    static final List<Rule> RULES = List.of(
            new Rule("paidAds", Map.of(Field.QUERY, PAID_AD_PARAMS)),
            new Rule("referral", Map.of(Field.UTM_MEDIUM, List.of("referral", "app", "link"))),
            new Rule("affiliate", Map.of(Field.UTM_MEDIUM, List.of("affiliate"))),
            new Rule("sms", Map.of(Field.UTM_MEDIUM, List.of("sms"), Field.UTM_SOURCE, List.of("sms"))),
            new Rule("*Search", Map.of(Field.REFERRER, SEARCH, Field.UTM_MEDIUM, List.of("organic"))),
            new Rule("*Social", Map.of(Field.REFERRER, SOCIAL)),
            new Rule("email", Map.of(Field.REFERRER, EMAIL, Field.UTM_MEDIUM, List.of("mail"))),
            new Rule("*Shopping", Map.of(Field.REFERRER, SHOPPING, Field.UTM_MEDIUM, List.of("shop"))),
            new Rule("*Video", Map.of(Field.REFERRER, VIDEO, Field.UTM_MEDIUM, List.of("video"))));

    private Channels() {
    }

    /** The channel of one hit, or null when no rule matches. Null fields count as empty. */
    public static String classify(String referrerDomain, String urlQuery, String utmMedium, String utmSource) {
        String ref = nz(referrerDomain);
        String query = nz(urlQuery);
        if (ref.isEmpty() && query.isEmpty()) return "direct";
        Map<Field, String> values = Map.of(Field.REFERRER, ref, Field.QUERY, query,
                Field.UTM_MEDIUM, nz(utmMedium), Field.UTM_SOURCE, nz(utmSource));
        String prefix = PAID_MEDIUMS.stream().anyMatch(nz(utmMedium)::contains) ? "paid" : "organic";
        for (Rule r : RULES) {
            for (var e : r.anyOf().entrySet()) {
                String v = values.get(e.getKey());
                if (e.getValue().stream().anyMatch(v::contains)) return name(r.channel(), prefix);
            }
        }
        return null;
    }

    /** A SQL CASE over alias {@code e} giving the channel name, or NULL when no rule matches. */
    public static String sql() {
        StringBuilder s = new StringBuilder("CASE WHEN coalesce(e.referrer_domain, '') = '' AND coalesce(e.url_query, '') = '' THEN 'direct'");
        String paid = anyOf(Field.UTM_MEDIUM, PAID_MEDIUMS);
        for (Rule r : RULES) {
            String cond = String.join(" OR ", r.anyOf().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> anyOf(e.getKey(), e.getValue())).toList());
            s.append(" WHEN ").append(cond).append(" THEN ");
            if (r.channel().startsWith("*")) {
                s.append("CASE WHEN ").append(paid).append(" THEN '").append(name(r.channel(), "paid"))
                        .append("' ELSE '").append(name(r.channel(), "organic")).append("' END");
            } else {
                s.append(literal(r.channel()));
            }
        }
        return s.append(" END").toString();
    }

    private static String anyOf(Field f, List<String> needles) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < needles.size(); i++) {
            if (i > 0) s.append(" OR ");
            s.append("strpos(coalesce(e.").append(f.column).append(", ''), ").append(literal(needles.get(i))).append(") > 0");
        }
        return s.append(")").toString();
    }

    private static String name(String channel, String prefix) {
        return channel.startsWith("*") ? prefix + channel.substring(1) : channel;
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
