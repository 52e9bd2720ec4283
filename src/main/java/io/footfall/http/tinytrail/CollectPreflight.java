package io.footfall.http.tinytrail;

import io.footfall.http.ApiRequest;
import io.footfall.http.Reply;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * CORS of {@code /api/v1/collect} as TinyTrail documents it: the request's origin echoed with credentials allowed
 * (a wildcard cannot carry credentials), methods POST and OPTIONS, header Content-Type, {@code Vary: Origin}.
 * Installed before the general CORS filter, so its preflight is answered here.
 */
public final class CollectPreflight implements Filter {
    private final String path;

    public CollectPreflight(String basePath) {
        this.path = basePath + "/api/v1/collect";
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (req.prologue().method() == Method.OPTIONS && path.equals(req.path().path())) {
            String origin = req.headers().first(HeaderNames.ORIGIN).orElse("*");
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS");
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            res.header(HeaderNames.VARY, "Origin");
            res.status(204).send();
            return;
        }
        chain.proceed();
    }

    /** The same headers on the POST's answer (they replace the general filter's wildcard). */
    static Reply withCors(ApiRequest req, Reply reply) {
        String origin = req.header("origin");
        reply.header("Access-Control-Allow-Origin", origin != null ? origin : "*");
        reply.header("Access-Control-Allow-Credentials", "true");
        reply.header("Vary", "Origin");
        return reply;
    }
}
