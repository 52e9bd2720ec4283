package io.footfall.http.umami;

import io.footfall.auth.Principal;
import io.footfall.http.ApiException;
import io.footfall.http.ApiKeyAccess;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.store.meta.ApiKey;
import io.footfall.manage.ApiKeyService;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The caller's own API keys, as Umami 3.3 self-hosted: {@code GET/POST /api/me/api-keys},
 * {@code DELETE /api/me/api-keys/:keyId}. The key itself is in the creation answer only. These routes refuse
 * API keys ({@link ApiKeyAccess}): only a logged-in user manages its keys.
 */
public final class ApiKeyRoutes {
    static final int MAX_NAME = 255;

    private final Authenticator auth;
    private final ApiKeyService keys;
    private final ApiKeyAccess access;

    public ApiKeyRoutes(Authenticator auth, ApiKeyService keys, ApiKeyAccess access) {
        this.auth = auth;
        this.keys = keys;
        this.access = access;
    }

    public void register(Router r) {
        r.get("/api/me/api-keys", auth.guard(this::list));
        r.post("/api/me/api-keys", auth.guard(this::create));
        r.delete("/api/me/api-keys/{keyId}", auth.guard(this::delete));
    }

    private Reply list(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        return Reply.ok(keys.list(p.user().id()).stream().map(ApiKeyRoutes::view).toList());
    }

    private Reply create(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        String name = Inputs.requiredString(req.jsonObject(), "name", MAX_NAME).trim();
        ApiKeyService.Created created = keys.create(p.user().id(), name);
        ApiKey k = created.key();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("name", k.name());
        m.put("keyPrefix", k.prefix());
        m.put("createdAt", k.createdAt());
        m.put("key", created.plaintext());
        return Reply.ok(m);
    }

    /** Someone else's key, or none: 404, as Umami answers. */
    private Reply delete(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        UUID id = Inputs.parseUuid(req.pathParam("keyId"));
        if (id == null || !keys.delete(id, p.user().id())) throw ApiException.notFound("API key not found");
        access.forget(id);
        return Reply.okTrue();
    }

    static Map<String, Object> view(ApiKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("name", k.name());
        m.put("keyPrefix", k.prefix());
        m.put("createdAt", k.createdAt());
        m.put("lastUsedAt", k.lastUsedAt());
        return m;
    }
}
