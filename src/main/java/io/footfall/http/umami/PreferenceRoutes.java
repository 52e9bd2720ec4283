package io.footfall.http.umami;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.Principal;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.store.meta.Preferences;
import io.footfall.store.jdbc.JdbcPreferenceStore;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * GET/POST /api/me/preferences: the caller's dashboard preferences (Footfall's own route; Umami keeps them in
 * the browser). POST changes only the fields it names; null clears one. Unknown fields and values the
 * dashboard cannot use are a 400 and change nothing.
 */
public final class PreferenceRoutes {
    private static final Map<String, Function<String, String>> FIELDS = Map.of(
            "language", Preferences::languageProblem,
            "timezone", Preferences::timezoneProblem,
            "theme", Preferences::themeProblem,
            "dateRange", Preferences::dateRangeProblem);

    private final Authenticator auth;
    private final JdbcPreferenceStore store;

    public PreferenceRoutes(Authenticator auth, JdbcPreferenceStore store) {
        this.auth = auth;
        this.store = store;
    }

    public void register(Router r) {
        r.get("/api/me/preferences", auth.guard(this::get));
        r.post("/api/me/preferences", auth.guard(this::post));
    }

    private Reply get(ApiRequest req) throws Exception {
        Principal p = req.principal();
        return Reply.ok(view(store.find(p.user().id())));
    }

    private Reply post(ApiRequest req) throws Exception {
        Principal p = req.principal();
        JsonNode body = req.jsonObject();
        Map<String, String> given = new LinkedHashMap<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            Function<String, String> check = FIELDS.get(field);
            if (check == null) throw ApiException.badRequest("unknown preference '" + field + "' (language, timezone, theme, dateRange)");
            JsonNode v = body.get(field);
            if (v.isNull()) {
                given.put(field, null);
                continue;
            }
            if (!v.isTextual()) throw ApiException.badRequest("'" + field + "' must be a string or null");
            String problem = check.apply(v.asText());
            if (problem != null) throw ApiException.badRequest("'" + field + "' " + problem);
            given.put(field, v.asText());
        }
        Preferences saved = store.update(p.user().id(), old -> new Preferences(
                given.containsKey("language") ? given.get("language") : old.language(),
                given.containsKey("timezone") ? given.get("timezone") : old.timezone(),
                given.containsKey("theme") ? given.get("theme") : old.theme(),
                given.containsKey("dateRange") ? given.get("dateRange") : old.dateRange()), Instant.now());
        return Reply.ok(view(saved));
    }

    private static Map<String, Object> view(Preferences p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("language", p.language());
        out.put("timezone", p.timezone());
        out.put("theme", p.theme());
        out.put("dateRange", p.dateRange());
        return out;
    }
}
