package io.footfall;

import io.footfall.collect.ua.UserAgentParser;

import java.util.concurrent.CompletableFuture;

/**
 * The User-Agent parser takes seconds and ~130 MiB to build, so it is built once per process, in the
 * background from the moment the server starts: the server answers (login, API, heartbeat) at once,
 * and only the first hits wait until the parser is ready. Tests start many servers in one JVM and share it.
 */
final class SharedParsers {
    private static volatile CompletableFuture<UserAgentParser> userAgents;

    private SharedParsers() {
    }

    /** Starts building the parser if nobody has yet. */
    static void warmUp() {
        if (userAgents == null) {
            synchronized (SharedParsers.class) {
                if (userAgents == null) {
                    userAgents = CompletableFuture.supplyAsync(() -> new UserAgentParser(50_000),
                            r -> Thread.ofPlatform().name("footfall-ua-init").daemon(true).start(r));
                }
            }
        }
    }

    /** The parser, waiting for it to finish building when needed. */
    static UserAgentParser userAgents() {
        warmUp();
        return userAgents.join();
    }
}
