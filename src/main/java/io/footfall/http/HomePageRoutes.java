package io.footfall.http;

import java.io.IOException;
import java.io.InputStream;

/** GET / : the page the start banner points to (getting started, attribution) until the dashboard ships. */
public final class HomePageRoutes {
    private final byte[] page;

    public HomePageRoutes() {
        try (InputStream in = HomePageRoutes.class.getClassLoader().getResourceAsStream("static/index.html")) {
            this.page = in == null ? "<h1>Footfall</h1>".getBytes() : in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void register(Router r) {
        r.get("/", req -> Reply.raw(200, "text/html; charset=utf-8", page).header("Cache-Control", "no-cache"));
    }
}
