package io.footfall.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * CORS as Umami sends it: any origin may call the API (trackers run on other sites, dashboards on other hosts).
 * Preflight requests are answered here with 204 and never reach a handler.
 */
final class Cors implements Filter {
    // Built once: these go on every response, and Helidon validates a header each time one is created.
    private static final io.helidon.http.Header ANY_ORIGIN = HeaderValues.createCached(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    private static final io.helidon.http.Header ANY_HEADERS = HeaderValues.createCached(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "*");
    private static final io.helidon.http.Header METHODS = HeaderValues.createCached(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS,
            "GET, POST, PUT, DELETE, OPTIONS");
    private final io.helidon.http.Header maxAge;

    Cors(int maxAgeSeconds) {
        this.maxAge = HeaderValues.createCached(HeaderNames.ACCESS_CONTROL_MAX_AGE, Integer.toString(maxAgeSeconds));
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header(ANY_ORIGIN);
        // "*" alone does not cover Authorization, so echo what the browser asks for.
        String asked = req.headers().first(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS).orElse(null);
        if (asked == null) res.header(ANY_HEADERS);
        else res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "*, " + asked);
        res.header(METHODS);
        res.header(maxAge);
        if (req.prologue().method() == Method.OPTIONS) {
            res.status(204).send();
            return;
        }
        chain.proceed();
    }
}
