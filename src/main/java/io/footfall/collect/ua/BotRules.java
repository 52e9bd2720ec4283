package io.footfall.collect.ua;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a User-Agent is a bot, standing in for the npm `isbot` check Umami runs
 * before storing anything. yauaa's classification does most of the work (crawlers,
 * HTTP libraries, HeadlessChrome, and bare tokens like Node's default "node" come back as
 * Robot/Hacker/Special classes); a short pattern list catches what isbot flags but yauaa
 * calls a browser. "@umami/node" sends "Mozilla/5.0 Umami/<node version>", which must stay
 * a visitor.
 */
final class BotRules {

    private static final Pattern EXTRA = Pattern.compile(
        "headless|lighthouse|pagespeed|gtmetrix|phantomjs|puppeteer|playwright|selenium|webdriver"
            + "|crawl|spider|slurp|scrape|archiver|preview|monitor|uptime|pingdom|httpclient|http-client"
            + "|python|curl|wget|okhttp|axios|node-fetch|undici|java/|libwww|php/"
            + "|(?<![a-z])(?!cu)[a-z]*bot(?![a-z])|^node(?:\\.js)?(?:/|$)|^mozilla/\\d\\.\\d$");

    private BotRules() {}

    /** True for an empty or missing User-Agent: such a hit is not stored. */
    static boolean isBlank(String ua) {
        return ua == null || ua.isBlank();
    }

    /** yauaa's verdict: any agent or device class that is not a person's browser or app. */
    static boolean isBotClass(String agentClass, String deviceClass) {
        return isBotValue(agentClass) || isBotValue(deviceClass);
    }

    private static boolean isBotValue(String v) {
        if (v == null) return false;
        return switch (v) {
            case "Robot", "Robot Mobile", "Robot Imitator", "Hacker", "Cloud Application", "Special", "Testclient", "Spy" -> true;
            default -> false;
        };
    }

    /** Tokens isbot knows that yauaa may report as an ordinary browser. */
    static boolean matchesPattern(String ua) {
        return EXTRA.matcher(ua.toLowerCase(Locale.ROOT)).find();
    }
}
