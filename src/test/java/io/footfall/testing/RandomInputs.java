package io.footfall.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of hostile input: {@code /api/send} bodies that start from a valid hit and break it in
 * one or more ways, and query strings of known parameter names with awkward values. The same seed gives
 * the same sequence, so a failure can be replayed.
 */
public final class RandomInputs {
    private static final String[] NUMBERS = {"0", "-1", "1e400", "-1e999", "1e308", "1.7976931348623157e308", "4.9e-324",
            "123456789012345678901234567890", "1" + "0".repeat(400), "0.00001", "-0", "1E+2", "9223372036854775808"};
    private static final String[] TEXTS = {"", " ", "a", "\\u0000", "\\ud800", "😀", "\\n", "%", "_", "'", "\\\"", "null",
            "１２３", "٠١٢", "<script>", "' OR 1=1 --", "a".repeat(600), "x".repeat(5000)};
    private static final String[] REGEXES = {"(?=a)", "(?<=a)b", "(a)\\1", "a{1000}{1000}", "a\\Z", "a++", "[", "(", "*",
            "a{1001}", "(?P<n>a)", "[[:alpha:]]", "\\pL", "(?i)x", "\\C", "a|", "^$", ".*.*.*.*", "(a*)*b", "\\"};
    private static final List<String> PARAMS = List.of("startAt", "endAt", "unit", "timezone", "compare", "limit", "offset",
            "page", "pageSize", "search", "segment", "cohort", "type", "event", "eventName", "propertyName", "match",
            "path", "referrer", "title", "query", "browser", "os", "device", "country", "region", "city", "hostname",
            "tag", "event", "language", "distinctId", "utmSource", "path1", "path99", "entry", "exit");
    private static final String[] OPERATORS = {"eq.", "neq.", "c.", "dnc.", "re.", "nre.", "s.", "ns.", "t.", "gt.", "bf.", "",
            "zz."};

    private final Random random;

    public RandomInputs(long seed) {
        this.random = new Random(seed);
    }

    private <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** A JSON value of a random kind, at most {@code depth} levels deep. */
    String value(int depth) {
        return switch (random.nextInt(depth > 0 ? 7 : 5)) {
            case 0 -> pick(NUMBERS);
            case 1 -> "\"" + pick(TEXTS) + "\"";
            case 2 -> random.nextBoolean() ? "true" : "false";
            case 3 -> "null";
            case 4 -> "\"2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T10:00:00Z\"";
            case 5 -> "[" + value(depth - 1) + "," + value(depth - 1) + "]";
            default -> "{\"" + pick(TEXTS).replace("\\", "") + "\":" + value(depth - 1) + ",\"k\":" + value(depth - 1) + "}";
        };
    }

    /** A {@code /api/send} body for the website: a valid hit, then 0–3 of: a field replaced, junk, a cut. */
    public String sendBody(String websiteId) {
        String website = switch (random.nextInt(6)) {
            case 0 -> websiteId.replaceFirst("[0-9]", pick(new String[]{"１", "٠", "০"}));
            case 1 -> websiteId.toUpperCase();
            case 2 -> websiteId.substring(1);
            default -> websiteId;
        };
        String[] fields = {"\"hostname\":\"fuzz.example\"", "\"url\":\"/p/" + random.nextInt(100) + "?q=1\"",
                "\"referrer\":\"https://example.org/\"", "\"title\":\"T\"", "\"screen\":\"1920x1080\"", "\"language\":\"en\""};
        StringBuilder payload = new StringBuilder("\"website\":\"" + website + "\"");
        for (String f : fields) if (random.nextInt(3) > 0) payload.append(',').append(f);
        String type = "event";
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(10)) {
                case 0 -> payload.append(",\"name\":\"e\",\"data\":").append(value(3));
                case 1 -> payload.append(",\"data\":{\"n\":").append(pick(NUMBERS)).append('}');
                case 2 -> payload.append(",\"").append(pick(new String[]{"url", "hostname", "title", "name", "tag", "id",
                        "screen", "language", "referrer", "ip", "userAgent", "timestamp", "lcp", "cache"})).append("\":").append(value(1));
                case 3 -> type = pick(new String[]{"identify", "performance", "pageview", "", "EVENT"});
                case 4 -> payload.append(",\"timestamp\":").append(pick(NUMBERS));
                case 5 -> payload.append(",\"link\":\"").append(websiteId).append('"');
                case 6 -> payload.append(",\"url\":\"").append(pick(TEXTS)).append('"');
                case 7 -> payload.append(",\"data\":").append("[".repeat(70)).append("]".repeat(70));
                case 8 -> payload.append(",\"lcp\":").append(pick(NUMBERS));
                default -> payload.append(",\"ip\":\"").append(pick(new String[]{"1.2.3.4", "::1", "１.２.３.４", "999.1.1.1", "x"})).append('"');
            }
        }
        String body = "{\"type\":\"" + type + "\",\"payload\":{" + payload + "}}";
        return switch (random.nextInt(12)) {
            case 0 -> body + pick(new String[]{"GARBAGE", "}", " {}", ",", "\u0000", " 1"});
            case 1 -> body.substring(0, random.nextInt(body.length()));
            case 2 -> body.replace("\"payload\"", "\"payload\":" + value(1) + ",\"x\"");
            case 3 -> value(3);
            default -> body;
        };
    }

    /** A query string of 1–5 parameters, each a known name with a random value, URL-encoded. */
    public String queryString() {
        StringBuilder q = new StringBuilder();
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            String name = PARAMS.get(random.nextInt(PARAMS.size()));
            String value = switch (random.nextInt(6)) {
                case 0 -> pick(NUMBERS);
                case 1 -> pick(TEXTS).replace("\\", "");
                case 2 -> pick(OPERATORS) + pick(REGEXES);
                case 3 -> pick(OPERATORS) + pick(TEXTS).replace("\\", "") + (random.nextBoolean() ? "," + pick(TEXTS) : "");
                case 4 -> pick(new String[]{"minute", "hour", "day", "week", "month", "year", "UTC", "utc", "Europe/Berlin",
                        "Mars/Base", "+05:00", "prev", "yoy", "any", "all", "path", "url", "channel", "event"});
                default -> "";
            };
            q.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return q.toString();
    }
}
