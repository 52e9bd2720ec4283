package io.footfall.http;

/**
 * Serves TinyTrail's tracker (classpath {@code static/tracker.js}, built from tracker/src/tinytrail.js) at
 * {@code /js/tracker.js} with the documented {@code Content-Type: application/javascript} and
 * {@code Cache-Control: public, max-age=86400}; gzip when accepted, strong ETag, not rate limited.
 */
public final class TinyTrailTrackerRoutes {
    private static final String RESOURCE = "static/tracker.js";
    static final String CACHE_CONTROL = "public, max-age=86400";

    private final byte[] plain;
    private final byte[] gzip;
    private final String etag;

    public TinyTrailTrackerRoutes() {
        this.plain = TrackerScriptRoutes.load(RESOURCE);
        this.gzip = plain == null ? null : TrackerScriptRoutes.gzip(plain);
        this.etag = plain == null ? null : "\"" + TrackerScriptRoutes.sha256(plain).substring(0, 32) + "\"";
    }

    public void register(Router r) {
        r.getOutsideReadLimit("/js/tracker.js", this::serve);
    }

    private Reply serve(ApiRequest req) {
        if (plain == null) throw ApiException.notFound("Tracker script is not built into this jar");
        String inm = req.header("If-None-Match");
        if (inm != null && (inm.contains(etag) || inm.trim().equals("*"))) return headers(Reply.raw(304, null, new byte[0]));
        String ae = req.header("Accept-Encoding");
        boolean useGzip = ae != null && ae.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        Reply r = Reply.raw(200, "application/javascript", useGzip ? gzip : plain);
        if (useGzip) r.header("Content-Encoding", "gzip");
        return headers(r);
    }

    private Reply headers(Reply r) {
        return r.header("ETag", etag).header("Cache-Control", CACHE_CONTROL).header("Vary", "Accept-Encoding");
    }
}
