package io.footfall.http.tinytrail;

import io.footfall.http.ApiRequest;
import io.footfall.http.Reply;
import io.footfall.http.Router;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health} for load balancers: {@code {status:"ok", db:"connected", version}}, or 503
 * {@code {status:"degraded", db:"disconnected"}} when the store does not answer. No envelope, as documented.
 */
public final class HealthRoute {
    /** Asks the store something cheap; false or an exception means it is unreachable. */
    public interface StoreProbe {
        boolean reachable() throws Exception;
    }

    private final StoreProbe probe;
    private final String version;

    public HealthRoute(StoreProbe probe, String version) {
        this.probe = probe;
        this.version = version;
    }

    public void register(Router r) {
        r.getOutsideReadLimit("/health", this::health);
    }

    private Reply health(ApiRequest req) {
        boolean up;
        try {
            up = probe.reachable();
        } catch (Exception | Error e) {
            up = false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "ok" : "degraded");
        body.put("db", up ? "connected" : "disconnected");
        if (up) body.put("version", version);
        return Reply.json(up ? 200 : 503, body).header("Cache-Control", "no-store");
    }
}
