package io.footfall.collect.ua;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Turns a User-Agent (and the tracker's screen size) into Umami's browser / os / device names,
 * and tells bots apart. Thread-safe; build one per process and share it: constructing it loads
 * yauaa's rule set (a few seconds, ~96 MiB of live heap). Results per distinct User-Agent are kept in a
 * bounded LRU cache, so the hot path is one cache lookup and a width comparison, with no
 * allocation on a hit.
 */
public final class UserAgentParser {

    /** yauaa refuses longer strings anyway; capping keeps cache keys bounded too. */
    static final int MAX_UA_LENGTH = 2048;

    private static final String[] FIELDS = {
        UserAgent.AGENT_NAME, UserAgent.AGENT_CLASS, UserAgent.OPERATING_SYSTEM_NAME, UserAgent.DEVICE_CLASS,
    };

    private final UserAgentAnalyzer analyzer;
    private final ReentrantLock analyzerLock = new ReentrantLock();
    private final LruCache<String, Parsed> cache;
    private final Function<String, Parsed> loader = this::analyze; // one instance, not one per lookup

    /** @param cacheSize how many distinct User-Agents to remember (at least 1) */
    public UserAgentParser(int cacheSize) {
        this.cache = new LruCache<>(cacheSize);
        this.analyzer = UserAgentAnalyzer.newBuilder()
            .withFields(FIELDS)
            .withoutCache() // our own cache holds the mapped result, not yauaa's
            .dropTests() // yauaa keeps its rules' test cases in memory otherwise: 22.5 MiB of live heap, never used
            .hideMatcherLoadStats()
            .immediateInitialization()
            .build();
    }

    /**
     * @param userAgent the request's (or payload's) User-Agent; null or blank gives no browser/os
     * @param screen the tracker's "WIDTHxHEIGHT", or null
     */
    public ClientInfo parse(String userAgent, String screen) {
        if (BotRules.isBlank(userAgent)) {
            return new ClientInfo(null, null, DeviceClassifier.classify(DeviceClassifier.DESKTOP, screen));
        }
        Parsed p = lookup(userAgent);
        return p.withDevice(DeviceClassifier.classify(p.device, screen));
    }

    /** True for crawlers, scripts, HTTP libraries, headless browsers, and a missing User-Agent. */
    public boolean isBot(String userAgent) {
        return BotRules.isBlank(userAgent) || lookup(userAgent).bot;
    }

    int cachedEntries() {
        return cache.size();
    }

    private Parsed lookup(String userAgent) {
        String key = userAgent.length() > MAX_UA_LENGTH ? userAgent.substring(0, MAX_UA_LENGTH) : userAgent;
        return cache.get(key, loader);
    }

    private Parsed analyze(String ua) {
        UserAgent result;
        analyzerLock.lock(); // misses only; keeps us independent of yauaa's internal locking
        try {
            result = analyzer.parse(ua);
        } finally {
            analyzerLock.unlock();
        }
        String agentName = known(result.getValue(UserAgent.AGENT_NAME));
        String agentClass = result.getValue(UserAgent.AGENT_CLASS);
        String deviceClass = result.getValue(UserAgent.DEVICE_CLASS);
        String os = OsNames.of(known(result.getValue(UserAgent.OPERATING_SYSTEM_NAME)), ua);
        String browser = BrowserNames.of(agentName, os, ua);
        boolean bot = BotRules.isBotClass(agentClass, deviceClass) || BotRules.matchesPattern(ua);
        return new Parsed(browser, os, DeviceClassifier.fromDeviceClass(deviceClass), bot);
    }

    private static String known(String v) {
        return v == null || v.isEmpty() || v.equals("Unknown") || v.startsWith("??") ? null : v;
    }

    /**
     * One User-Agent's result, with a ready ClientInfo for each device a hit can get (its own device type,
     * and laptop for a desktop with a narrower screen) so hits don't allocate.
     */
    private static final class Parsed {
        final String device;
        final boolean bot;
        private final ClientInfo own, laptop;

        Parsed(String browser, String os, String device, boolean bot) {
            this.device = device;
            this.bot = bot;
            this.own = new ClientInfo(browser, os, device);
            this.laptop = new ClientInfo(browser, os, DeviceClassifier.LAPTOP);
        }

        ClientInfo withDevice(String classified) {
            return classified.equals(device) ? own : laptop;
        }
    }
}
