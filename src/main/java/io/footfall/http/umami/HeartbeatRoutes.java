package io.footfall.http.umami;

import io.footfall.http.Reply;
import io.footfall.http.Router;

/** GET /api/heartbeat: liveness for load balancers and clients. */
public final class HeartbeatRoutes {
    public void register(Router r) {
        r.getOutsideReadLimit("/api/heartbeat", req -> Reply.okTrue());
    }
}
