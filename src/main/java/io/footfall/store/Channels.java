package io.footfall.store;


import java.util.List;
import java.util.Map;

/**
 * Traffic channels (Umami's {@code type=channel}), as one ordered table of rules: the first rule that
 * matches names the channel. Search, social, shopping and video get a {@code paid} prefix when
 * utm_medium says paid, {@code organic} otherwise. A hit with neither referrer nor query string is
 * {@code direct} (real Umami 3.1 puts it nowhere; users expect it); after every list, any other external
 * referrer (not the page's own host) is {@code referral}, as real Umami 3.1 counts it (github.com,
 * stackoverflow.com, and AI answer engines such as chatgpt.com, which its 3.1 lists do not name). A hit
 * no rule matches (a query string alone, or the site's own host as referrer) has no channel.
 *
 * <p>The table renders the one SQL CASE that both the metrics query and the channel rollups group by.
 */
public final class Channels {

    /**
     * What a rule looks at: substrings of these fields (case-sensitive, as Umami's position()), except that a
     * referrer domain matches a list entry only as whole labels: {@code google.} where a label starts, a full
     * domain such as {@code t.co} as the domain or its parent. Umami 3.1 matches any substring there, so that
     * chatgpt.com counts as social (it contains {@code t.co}) and dropbox.com too ({@code x.com}): plainly a bug.
     */
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

    /** A referrer from another site: the referrer metric's rule (not empty, not the page's host with or without www). */
    static final String EXTERNAL_REFERRER = "coalesce(e.referrer_domain, '') <> '' AND e.referrer_domain <> coalesce(e.hostname, '') "
            + "AND e.referrer_domain <> regexp_replace(coalesce(e.hostname, ''), '^www\\.', '')";

    private Channels() {
    }

    /** A SQL CASE over alias {@code e} giving the channel name, or NULL when no rule matches. */
    public static String sql(Dialect d) {
        StringBuilder s = new StringBuilder("CASE WHEN coalesce(e.referrer_domain, '') = '' AND coalesce(e.url_query, '') = '' THEN 'direct'");
        String paid = anyOf(d, Field.UTM_MEDIUM, PAID_MEDIUMS);
        for (Rule r : RULES) {
            String cond = String.join(" OR ", r.anyOf().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> anyOf(d, e.getKey(), e.getValue())).toList());
            s.append(" WHEN ").append(cond).append(" THEN ");
            if (r.channel().startsWith("*")) {
                s.append("CASE WHEN ").append(paid).append(" THEN '").append(name(r.channel(), "paid"))
                        .append("' ELSE '").append(name(r.channel(), "organic")).append("' END");
            } else {
                s.append(literal(r.channel()));
            }
        }
        return s.append(" WHEN ").append(EXTERNAL_REFERRER).append(" THEN 'referral' END").toString();
    }

    private static String anyOf(Dialect d, Field f, List<String> needles) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < needles.size(); i++) {
            if (i > 0) s.append(" OR ");
            String n = needles.get(i);
            String v = "coalesce(e." + f.column + ", '')";
            if (f != Field.REFERRER) {
                s.append("strpos(").append(v).append(", ").append(literal(n)).append(") > 0");
            } else if (n.endsWith(".")) {
                s.append("strpos('.' || ").append(v).append(", ").append(literal("." + n)).append(") > 0");
            } else {
                s.append(d.endsWith("'.' || " + v, literal("." + n)));
            }
        }
        return s.append(")").toString();
    }

    private static String name(String channel, String prefix) {
        return channel.startsWith("*") ? prefix + channel.substring(1) : channel;
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
