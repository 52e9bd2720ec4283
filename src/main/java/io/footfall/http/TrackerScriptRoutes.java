package io.footfall.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Serves the tracker (classpath {@code static/script.js}, built from tracker/) at /script.js and at
 * TRACKER_SCRIPT_NAME. Compressed once at start; strong ETag so browsers revalidate cheaply.
 */
public final class TrackerScriptRoutes {
    private static final String RESOURCE = "static/script.js";

    private final byte[] plain;
    private final byte[] gzip;
    private final String etag;
    private final String extraPath;

    public TrackerScriptRoutes(String trackerScriptName, String collectEndpoint) {
        this.plain = withEndpoint(load(RESOURCE), collectEndpoint);
        this.gzip = plain == null ? null : gzip(plain);
        this.etag = plain == null ? null : "\"" + sha256(plain).substring(0, 32) + "\"";
        this.extraPath = trackerScriptName;
    }

    public void register(Router r) {
        r.getOutsideReadLimit("/script.js", this::serve);
        if (extraPath != null && !extraPath.equals("/script.js")) r.getOutsideReadLimit(extraPath, this::serve);
    }

    private Reply serve(ApiRequest req) {
        if (plain == null) throw ApiException.notFound("Tracker script is not built into this jar");
        String inm = req.header("If-None-Match");
        if (inm != null && (inm.contains(etag) || inm.trim().equals("*"))) {
            return headers(Reply.raw(304, null, new byte[0]));
        }
        String ae = req.header("Accept-Encoding");
        boolean useGzip = ae != null && ae.toLowerCase().contains("gzip");
        Reply r = Reply.raw(200, "application/javascript; charset=utf-8", useGzip ? gzip : plain);
        if (useGzip) r.header("Content-Encoding", "gzip");
        return headers(r);
    }

    private Reply headers(Reply r) {
        return r.header("ETag", etag)
                .header("Cache-Control", "public, max-age=86400, must-revalidate")
                .header("Vary", "Accept-Encoding");
    }

    /** The built script posts to "/api/send" (exactly once, the build checks); point it at COLLECT_API_ENDPOINT. */
    private static byte[] withEndpoint(byte[] script, String collectEndpoint) {
        if (script == null || collectEndpoint == null) return script;
        String js = new String(script, java.nio.charset.StandardCharsets.UTF_8);
        return js.replace("\"/api/send\"", "\"" + collectEndpoint + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A classpath resource's bytes, or null when it is not there (a jar built without the tracker). */
    static byte[] load(String resource) {
        try (InputStream in = TrackerScriptRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out) {
                {
                    def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
                }
            }) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
