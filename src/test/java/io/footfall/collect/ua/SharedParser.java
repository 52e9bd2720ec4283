package io.footfall.collect.ua;

/** One parser for all tests: building yauaa takes seconds. */
final class SharedParser {
    static final UserAgentParser PARSER = new UserAgentParser(10_000);

    private SharedParser() {}
}
