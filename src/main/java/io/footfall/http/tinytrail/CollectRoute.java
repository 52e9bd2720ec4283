package io.footfall.http.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.ApiKeyRateLimiter;
import io.footfall.collect.ClientIpResolver;
import io.footfall.collect.CollectOutcome;
import io.footfall.collect.Collector;
import io.footfall.collect.HitContext;
import io.footfall.collect.IngestQueue;
import io.footfall.collect.IpFilter;
import io.footfall.collect.SendRequest;
import io.footfall.http.ApiRequest;
import io.footfall.http.Reply;
import io.footfall.http.umami.SendRoutes;
import io.footfall.tinytrail.TinyTrailEventMapping;
import io.footfall.tinytrail.TinyTrailWebsites;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code POST /api/v1/collect}: the same pipeline and ingest queue as {@code /api/send}; 202 only once the event
 * is durable, 204 for what is dropped on purpose (unknown website, bot, excluded IP), 400 for a bad body, 429
 * per client IP over the limit. The answer carries CORS for the page's origin with credentials, as documented.
 */
final class CollectRoute {
    private final Collector collector;
    private final IngestQueue queue;
    private final TinyTrailWebsites websites;
    private final ClientIpResolver clientIp;
    private final ApiKeyRateLimiter perIp;

    CollectRoute(Collector collector, IngestQueue queue, TinyTrailWebsites websites, ClientIpResolver clientIp,
                 ApiKeyRateLimiter perIp) {
        this.collector = collector;
        this.queue = queue;
        this.websites = websites;
        this.clientIp = clientIp;
        this.perIp = perIp;
    }

    void register(TinyTrailRoutes.Registrar r) {
        r.post("/api/v1/collect", this::collect);
    }

    private Reply collect(ApiRequest req) throws Exception {
        InetAddress ip = clientIp.resolveAddress(req::header, req.remoteAddress());
        // The limiter counts by UUID; a name-based UUID of the address is one per client.
        String who = ip == null ? req.remoteAddress() : ip.getHostAddress();
        long wait = perIp.acquire(UUID.nameUUIDFromBytes(("ip:" + who).getBytes(StandardCharsets.UTF_8)));
        if (wait > 0) throw TinyTrailException.rateLimited(wait);
        return CollectPreflight.withCors(req, handle(req, ip));
    }

    private Reply handle(ApiRequest req, InetAddress ip) throws Exception {
        JsonNode body = Bodies.object(req);
        SendRequest send;
        UUID websiteId;
        try {
            websiteId = TinyTrailEventMapping.websiteId(body);
            send = TinyTrailEventMapping.toSend(body, websiteId);
        } catch (TinyTrailEventMapping.Invalid e) {
            throw TinyTrailException.invalid(e.getMessage());
        }
        if (websiteId == null || websites.find(websiteId).isEmpty()) return dropped();
        var excluded = websites.settings(websiteId).excludedIps();
        if (!excluded.isEmpty() && new IpFilter(excluded).ignores(ip)) return dropped();
        CollectOutcome outcome;
        try {
            outcome = collector.collect(send, new HitContext(req::header, req.remoteAddress()));
        } catch (io.footfall.collect.InvalidHit e) {
            throw TinyTrailException.invalid(e.getMessage());
        }
        if (!(outcome instanceof CollectOutcome.Accepted a)) return dropped();
        SendRoutes.store(queue, a);
        return Reply.json(202, java.util.Map.of("status", "accepted"));
    }

    private static Reply dropped() {
        return Reply.raw(204, null, new byte[0]);
    }
}
