package io.footfall.http.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.http.ApiRequest;
import io.footfall.http.Reply;
import io.footfall.tinytrail.TinyTrailDirectory;
import io.footfall.tinytrail.TinyTrailDirectory.Account;

import java.util.UUID;

/** {@code /api/v1/accounts}: list, create, delete (admin only). An account is a Footfall team. */
final class AccountRoutes {
    private final KeyAuth auth;
    private final TinyTrailDirectory directory;

    AccountRoutes(KeyAuth auth, TinyTrailDirectory directory) {
        this.auth = auth;
        this.directory = directory;
    }

    void register(TinyTrailRoutes.Registrar r) {
        r.get("/api/v1/accounts", this::list);
        r.post("/api/v1/accounts", this::create);
        r.delete("/api/v1/accounts/{id}", this::delete);
    }

    private Reply list(ApiRequest req) throws Exception {
        auth.admin(req);
        return Envelope.ok(directory.accounts().stream().map(AccountRoutes::json).toList());
    }

    private Reply create(ApiRequest req) throws Exception {
        var caller = auth.admin(req);
        JsonNode body = Bodies.object(req);
        String name = Bodies.requiredString(body, "name", 50);
        return Envelope.success(201, json(directory.createAccount(name, caller.user())));
    }

    private Reply delete(ApiRequest req) throws Exception {
        auth.admin(req);
        UUID id = Ids.parse(req.pathParam("id"), "id");
        Account a = directory.account(id).orElseThrow(() -> TinyTrailException.notFound("Account"));
        directory.deleteAccount(id);
        return Envelope.ok(json(a));
    }

    static java.util.Map<String, Object> json(Account a) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("createdAt", a.createdAt());
        return m;
    }
}
