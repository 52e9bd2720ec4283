package io.footfall.http.umami;

import io.footfall.auth.Principal;
import io.footfall.config.Settings;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.UserService;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /api/config: what a client needs to know about this server (Umami 3.1 has the route with
 * {@code trackerScriptName}, {@code privateMode}, ...). Footfall adds {@code basePath} and
 * {@code collectApiEndpoint} so the dashboard can print the exact tracking snippet, and, for a logged-in
 * admin only, {@code defaultPassword}: whether the admin account still uses admin/umami.
 */
public final class ConfigRoutes {
    private final Settings settings;
    private final Authenticator auth;
    private final UserService users;

    public ConfigRoutes(Settings settings, Authenticator auth, UserService users) {
        this.settings = settings;
        this.auth = auth;
        this.users = users;
    }

    public void register(Router r) {
        r.get("/api/config", this::config);
    }

    private Reply config(ApiRequest req) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cloudMode", false);
        out.put("faviconUrl", null);
        out.put("linksUrl", null);
        out.put("pixelsUrl", null);
        out.put("privateMode", false);
        out.put("telemetryDisabled", true);
        out.put("trackerScriptName", settings.trackerScriptName());
        out.put("updatesDisabled", true);
        out.put("basePath", settings.basePath());
        out.put("collectApiEndpoint", settings.collectApiEndpoint());
        Principal caller = optionalCaller(req);
        if (caller != null && caller.user().isAdmin()) {
            out.put("defaultPassword", users.defaultAdminPasswordInUse());
        }
        return Reply.ok(out).header("Cache-Control", "no-store");
    }

    private Principal optionalCaller(ApiRequest req) throws Exception {
        if (req.header("Authorization") == null) return null;
        try {
            return auth.require(req);
        } catch (ApiException e) {
            return null;
        }
    }
}
