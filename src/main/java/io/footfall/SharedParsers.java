package io.footfall;

import io.footfall.collect.ua.UserAgentParser;

/**
 * The User-Agent parser takes seconds and ~130 MiB to build, so one instance serves every server
 * in the process (tests start many servers in one JVM).
 */
final class SharedParsers {
    private static volatile UserAgentParser userAgents;

    private SharedParsers() {
    }

    static UserAgentParser userAgents() {
        UserAgentParser p = userAgents;
        if (p == null) {
            synchronized (SharedParsers.class) {
                p = userAgents;
                if (p == null) {
                    p = new UserAgentParser(50_000);
                    userAgents = p;
                }
            }
        }
        return p;
    }
}
