package io.footfall.collect;

import io.footfall.collect.geo.GeoLocator;
import io.footfall.collect.geo.HeaderLocation;
import io.footfall.collect.geo.Location;
import io.footfall.collect.ua.ClientInfo;
import io.footfall.collect.ua.UserAgentParser;
import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.Event;
import io.footfall.event.EventType;
import io.footfall.store.meta.Website;
import io.footfall.manage.WebsiteCache;
import io.footfall.store.MetaStore;

import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The collect pipeline for one request: validate the source, drop (or flag, for TinyTrail) bots and ignored IPs, enrich
 * (location, device, URL parts), identify (session and visit ids) and build the row to store.
 * The IP and User-Agent are used here in memory only.
 */
public final class Collector {
    /** Settings the pipeline reads. */
    public record Options(boolean disableBotCheck, boolean removeTrailingSlash) {
    }

    private final Options options;
    private final WebsiteCache websites;
    private final MetaStore meta;
    private final ClientIpResolver clientIp;
    private final IpFilter ignoredIps;
    private final java.util.function.Supplier<UserAgentParser> userAgents;
    private final GeoLocator geo;
    private final SaltRotation salts;
    private final SessionTracker sessions;
    private final CacheToken cacheToken;

    public Collector(Options options, WebsiteCache websites, MetaStore meta, ClientIpResolver clientIp,
                     IpFilter ignoredIps, java.util.function.Supplier<UserAgentParser> userAgents, GeoLocator geo, SaltRotation salts,
                     SessionTracker sessions, CacheToken cacheToken) {
        this.options = options;
        this.websites = websites;
        this.meta = meta;
        this.clientIp = clientIp;
        this.ignoredIps = ignoredIps;
        this.userAgents = userAgents;
        this.geo = geo;
        this.salts = salts;
        this.sessions = sessions;
        this.cacheToken = cacheToken;
    }

    /** Umami's collect: bots and ignored IPs are answered but not recorded. */
    public CollectOutcome collect(SendRequest req, HitContext ctx) throws SQLException {
        return collect(req, ctx, false, false);
    }

    /**
     * TinyTrail's collect: a bot's hit is kept flagged {@code bot}, and one the caller found in the website's
     * excluded IPs flagged {@code excluded} (which wins), both without event data; IPs the operator ignores
     * (IGNORE_IP) are still not recorded.
     */
    public CollectOutcome collectFlagging(SendRequest req, HitContext ctx, boolean excluded) throws SQLException {
        return collect(req, ctx, true, excluded);
    }

    private CollectOutcome collect(SendRequest req, HitContext ctx, boolean keepFlagged, boolean excluded) throws SQLException {
        int eventType = checkSource(req);

        String userAgent = req.userAgent() != null ? req.userAgent() : ctx.header().apply("user-agent");
        UserAgentParser parser = userAgents.get();
        boolean bot = userAgent == null || userAgent.isBlank() || !options.disableBotCheck() && parser.isBot(userAgent);
        if (bot && !keepFlagged) return CollectOutcome.BOT;
        if (userAgent == null) userAgent = "";
        CollectedHit.Flag flag = excluded ? CollectedHit.Flag.EXCLUDED : bot ? CollectedHit.Flag.BOT : null;

        InetAddress ip = req.ip() != null ? IpAddresses.parse(req.ip()) : null;
        if (ip == null) ip = clientIp.resolveAddress(ctx.header(), ctx.peerAddress());
        if (ignoredIps.ignores(ip)) return CollectOutcome.BOT;

        Instant now = Instant.now();
        Instant createdAt = req.timestamp() != null ? req.timestamp() : now;
        UUID sourceId = req.sourceId();
        UUID sessionId = req.distinctId() != null
                ? Uuids.v5(sourceId.toString(), "id", req.distinctId())
                : Uuids.v5(sourceId.toString(), ip == null ? "" : ip.getHostAddress(), userAgent, salts.saltAt(createdAt));

        // CDN location headers are believed from the same peers as forwarding headers.
        Location location = clientIp.trustsPeer(ctx.peerAddress()) ? HeaderLocation.fromHeaders(ctx.header()) : null;
        if (location == null) location = ip == null ? Location.UNKNOWN : geo.locate(ip);
        ClientInfo client = parser.parse(userAgent, req.screen());
        Event.SessionAttributes attributes = new Event.SessionAttributes(client.browser(), client.os(), client.device(),
                req.screen(), req.language(), location.country(), location.region(), location.city(), req.distinctId());

        CacheToken.Claims token = cacheToken.read(req.cache() != null ? req.cache() : ctx.header().apply("x-umami-cache"));
        if (token != null && !token.websiteId().equals(sourceId)) token = null;
        SessionTracker.Decision decision = sessions.track(sessionId, createdAt, attributes, token);

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("cache", cacheToken.issue(new CacheToken.Claims(sourceId, sessionId, decision.visitId(),
                createdAt.isAfter(now) ? now : createdAt)));
        response.put("sessionId", sessionId);
        response.put("visitId", decision.visitId());

        if (SendRequest.IDENTIFY.equals(req.type())) {
            if (flag != null) return CollectOutcome.BOT; // session data of flagged traffic has nowhere to go
            List<DataField> sessionData = EventDataFlattener.flatten(req.data());
            return new CollectOutcome.Accepted(new CollectedHit(null, List.of(), sourceId, sessionId,
                    req.distinctId(), createdAt, sessionData), response);
        }

        PageUrl page = PageUrl.parse(req.url(), options.removeTrailingSlash());
        String hostname = req.hostname() != null ? req.hostname() : page.host();
        boolean performance = SendRequest.PERFORMANCE.equals(req.type());
        if (performance) eventType = EventType.PERFORMANCE;
        else if (eventType == EventType.PAGEVIEW && req.name() != null && !req.name().isBlank()) eventType = EventType.CUSTOM_EVENT;

        Event event = new Event(Uuids.randomV4(), sourceId, sessionId, decision.visitId(), createdAt, eventType,
                eventType == EventType.CUSTOM_EVENT ? req.name() : null,
                new Event.Page(hostname, page.path(), page.query(), title(req.title()), req.tag()),
                ReferrerUrl.parse(req.referrer()),
                page.campaign(),
                decision.attributes(),
                performance ? new Event.WebVitals(req.lcp(), req.inp(), req.cls(), req.fcp(), req.ttfb()) : Event.WebVitals.NONE);
        if (flag != null) {
            return new CollectOutcome.Accepted(new CollectedHit(event, List.of(), sourceId, sessionId, req.distinctId(),
                    createdAt, List.of(), flag), response);
        }
        List<DataField> eventData = eventType == EventType.CUSTOM_EVENT || eventType == EventType.PAGEVIEW
                ? EventDataFlattener.flatten(req.data()) : List.of();
        return new CollectOutcome.Accepted(new CollectedHit(event, eventData, sourceId, sessionId, req.distinctId(),
                createdAt, List.of()), response);
    }

    /** The page title decoded as decodeURIComponent decodes it (the text back when it is malformed), then cut. */
    private static String title(String title) {
        return title == null ? null : PageUrl.cut(UriCodec.decodeUriComponent(title));
    }

    /** The event type implied by the source, after checking the source exists (400 otherwise). */
    private int checkSource(SendRequest req) throws SQLException {
        if (req.websiteId() != null) {
            Website w = websites.find(req.websiteId()).orElseThrow(() -> new InvalidHit("Website not found"));
            if (req.timestamp() != null && w.resetAt() != null && req.timestamp().isBefore(w.resetAt())) {
                throw new InvalidHit("'timestamp' is before the website was reset");
            }
            return EventType.PAGEVIEW;
        }
        if (req.linkId() != null) {
            meta.findLink(req.linkId()).orElseThrow(() -> new InvalidHit("Link not found"));
            return EventType.LINK;
        }
        meta.findPixel(req.pixelId()).orElseThrow(() -> new InvalidHit("Pixel not found"));
        return EventType.PIXEL;
    }
}
