package io.footfall.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An event row's attribution touch values as the report names them: the referrer when it is not the page's own host,
 * the ad network of its first click id, the UTM values; '' when missing. Shared by the plain report and the DuckDB
 * touch rollup (which stores them), so both paths read the same values.
 */
public final class TouchValues {
    private TouchValues() {
    }

    /** The values over alias {@code e} as (name, expression) pairs. */
    public static List<String[]> fields(String e) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[]{"referrer", "CASE WHEN coalesce(" + e + ".referrer_domain, '') <> '' AND " + e + ".referrer_domain <> coalesce("
                + e + ".hostname, '') THEN " + e + ".referrer_domain ELSE '' END"});
        out.add(new String[]{"paid", paidAds(e)});
        for (String u : List.of("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")) {
            out.add(new String[]{u, "coalesce(" + e + "." + u + ", '')"});
        }
        return out;
    }

    /** The values of alias {@code e} as a SELECT list of columns named like the fields. */
    public static String columns(String e) {
        StringBuilder s = new StringBuilder();
        for (String[] f : fields(e)) s.append(s.isEmpty() ? "" : ", ").append(f[1]).append(" AS ").append(f[0]);
        return s.toString();
    }

    /** The paid-ads class of alias {@code e}'s click ids ('' without one). */
    public static String paidAds(String e) {
        return "CASE WHEN coalesce(" + e + ".gclid, '') <> '' THEN 'Google Ads' WHEN coalesce(" + e + ".fbclid, '') <> '' THEN 'Facebook / Meta'"
                + " WHEN coalesce(" + e + ".msclkid, '') <> '' THEN 'Microsoft Ads' WHEN coalesce(" + e + ".ttclid, '') <> '' THEN 'TikTok Ads'"
                + " WHEN coalesce(" + e + ".li_fat_id, '') <> '' THEN 'LinkedIn Ads' WHEN coalesce(" + e + ".twclid, '') <> '' THEN 'Twitter Ads (X)'"
                + " ELSE '' END";
    }
}
