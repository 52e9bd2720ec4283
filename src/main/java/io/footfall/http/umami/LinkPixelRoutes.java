package io.footfall.http.umami;

import io.footfall.collect.CollectOutcome;
import io.footfall.collect.Collector;
import io.footfall.collect.HitContext;
import io.footfall.collect.IngestQueue;
import io.footfall.collect.SendRequest;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.store.meta.Link;
import io.footfall.store.meta.Pixel;
import io.footfall.store.MetaStore;

import java.util.Base64;

/** GET /q/:slug (tracked link → 307) and GET /p/:slug (tracking pixel → 1x1 GIF); each records one hit. */
public final class LinkPixelRoutes {
    private static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static final int MAX_SLUG = 100;

    private final MetaStore meta;
    private final Collector collector;
    private final IngestQueue queue;

    public LinkPixelRoutes(MetaStore meta, Collector collector, IngestQueue queue) {
        this.meta = meta;
        this.collector = collector;
        this.queue = queue;
    }

    public void register(Router r) {
        r.getOutsideReadLimit("/q/{slug}", this::link);
        r.getOutsideReadLimit("/p/{slug}", this::pixel);
    }

    private Reply link(ApiRequest req) throws Exception {
        Link link = meta.findLinkBySlug(slug(req)).orElseThrow(() -> ApiException.notFound("Link not found"));
        record(req, link.id(), null);
        return Reply.redirect(307, link.url()).header("Cache-Control", "no-store");
    }

    private Reply pixel(ApiRequest req) throws Exception {
        Pixel pixel = meta.findPixelBySlug(slug(req)).orElseThrow(() -> ApiException.notFound("Pixel not found"));
        record(req, null, pixel.id());
        return Reply.raw(200, "image/gif", GIF).header("Cache-Control", "no-store, max-age=0");
    }

    private static String slug(ApiRequest req) {
        String s = req.pathParam("slug");
        if (s.length() > MAX_SLUG) throw ApiException.notFound("Not found");
        return s;
    }

    private void record(ApiRequest req, java.util.UUID linkId, java.util.UUID pixelId) throws Exception {
        String host = req.header("host");
        String hostname = host == null ? null : host.replaceFirst(":\\d+$", "");
        if (hostname != null && hostname.length() > 100) hostname = hostname.substring(0, 100);
        String url = req.path();
        SendRequest send = new SendRequest(SendRequest.EVENT, null, linkId, pixelId, hostname,
                language(req.header("accept-language")), req.header("referer"), null, null, url, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        CollectOutcome outcome;
        try {
            outcome = collector.collect(send, new HitContext(req::header, req.remoteAddress()));
        } catch (io.footfall.collect.InvalidHit e) {
            throw ApiException.badRequest(e.getMessage());
        }
        // A link must still redirect (and a pixel still render) when the hit is a bot's or ignored.
        if (outcome instanceof CollectOutcome.Accepted a) SendRoutes.store(queue, a);
    }

    private static String language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return null;
        String first = acceptLanguage.split(",", 2)[0].split(";", 2)[0].trim();
        return first.isEmpty() || first.length() > 35 || first.equals("*") ? null : first;
    }
}
