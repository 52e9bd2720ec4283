package io.footfall;

import io.footfall.collect.ua.UserAgentParser;

import java.util.concurrent.CompletableFuture;

/**
 * The User-Agent parser takes seconds and ~130 MiB to build, so it is built once per process, in the
 * background from the moment the server starts: the server answers (login, API, heartbeat) at once,
 * and only the first hits wait until the parser is ready. Tests start many servers in one JVM and share it
 * (the first server's MEMORY_LIMIT then sizes its cache of parsed User-Agents).
 */
final class SharedParsers {
    private static volatile CompletableFuture<UserAgentParser> userAgents;

    private SharedParsers() {
    }

    /** Starts building the parser, remembering up to {@code cacheSize} User-Agents' results, if nobody has yet. */
    static void warmUp(int cacheSize) {
        if (userAgents == null) {
            synchronized (SharedParsers.class) {
                if (userAgents == null) {
                    userAgents = CompletableFuture.supplyAsync(() -> new UserAgentParser(cacheSize),
                            r -> Thread.ofPlatform().name("footfall-ua-init").daemon(true).start(r));
                }
            }
        }
    }

    /** The parser, waiting for it to finish building when needed. */
    static UserAgentParser userAgents(int cacheSize) {
        warmUp(cacheSize);
        return userAgents.join();
    }
}
