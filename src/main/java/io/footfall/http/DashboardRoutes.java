package io.footfall.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves the dashboard SPA built from ui/ (classpath {@code static/ui/}, listed in its {@code files.txt}):
 * hashed files under {@code assets/} are immutable for a year, everything else revalidates; each file is
 * sent brotli- or gzip-compressed when the build left a {@code .br}/{@code .gz} beside it and the client
 * accepts it. Any other GET path without a file extension answers the SPA's index.html (client routes such
 * as /login or /websites/:id), with a {@code <base>} pointing at BASE_PATH so relative assets resolve.
 * When the jar was built without the dashboard, {@code static/index.html} (a getting-started page) is served.
 */
public final class DashboardRoutes {
    private static final String ROOT = "static/ui/";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private record Asset(byte[] plain, byte[] gzip, byte[] brotli, String type) {}

    private final Map<String, Asset> files = new HashMap<>();
    private final Asset index;
    private final String basePath;

    public DashboardRoutes(String basePath) {
        this.basePath = basePath;
        String list = text(ROOT + "files.txt");
        if (list != null) {
            for (String name : list.split("\n")) {
                name = name.strip();
                if (name.isEmpty()) continue;
                byte[] plain = bytes(ROOT + name);
                if (plain != null) files.put(name, new Asset(plain, bytes(ROOT + name + ".gz"), bytes(ROOT + name + ".br"), type(name)));
            }
        }
        Asset built = files.remove("index.html");
        if (built != null) {
            String html = new String(built.plain(), StandardCharsets.UTF_8)
                    .replaceFirst("<head>", "<head><base href=\"" + escape(basePath) + "/\">");
            index = new Asset(html.getBytes(StandardCharsets.UTF_8), null, null, "text/html; charset=utf-8");
        } else {
            byte[] page = bytes("static/index.html");
            index = new Asset(page != null ? page : "<h1>Footfall</h1>".getBytes(StandardCharsets.UTF_8), null, null,
                    "text/html; charset=utf-8");
        }
    }

    /** "/" now; everything else with {@link #registerFallback} once every other route is declared. */
    public void register(Router r) {
        r.getOutsideReadLimit("/", req -> page());
        if (!basePath.isEmpty()) r.getOutsideReadLimit("", req -> Reply.redirect(302, basePath + "/"));
    }

    /** Files of the build and the SPA's client routes; must come after all other routes. */
    public void registerFallback(Router r) {
        r.getOutsideReadLimit("/{+path}", this::serve);
    }

    private Reply serve(ApiRequest req) {
        String path = req.pathParam("path");
        Asset file = files.get(path);
        if (file != null) {
            return send(file, req).header("Cache-Control", path.startsWith("assets/") ? IMMUTABLE : "public, max-age=3600");
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.contains(".") || path.startsWith("api/")) {
            return Reply.raw(404, "text/plain; charset=utf-8", "Not found".getBytes(StandardCharsets.UTF_8));
        }
        return page();
    }

    private Reply page() {
        return Reply.raw(200, index.type(), index.plain())
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
    }

    private static Reply send(Asset a, ApiRequest req) {
        String ae = req.header("Accept-Encoding");
        ae = ae == null ? "" : ae.toLowerCase();
        Reply r;
        if (a.brotli() != null && ae.contains("br")) {
            r = Reply.raw(200, a.type(), a.brotli()).header("Content-Encoding", "br");
        } else if (a.gzip() != null && ae.contains("gzip")) {
            r = Reply.raw(200, a.type(), a.gzip()).header("Content-Encoding", "gzip");
        } else {
            r = Reply.raw(200, a.type(), a.plain());
        }
        return r.header("Vary", "Accept-Encoding").header("X-Content-Type-Options", "nosniff");
    }

    private static String type(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase();
        return switch (ext) {
            case "js", "mjs" -> "application/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "html" -> "text/html; charset=utf-8";
            case "json" -> "application/json; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            case "txt" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static String text(String resource) {
        byte[] b = bytes(resource);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = DashboardRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
