package io.footfall.http.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.http.ApiRequest;
import io.footfall.http.Reply;
import io.footfall.manage.AlreadyExistsException;
import io.footfall.tinytrail.TinyTrailDirectory;
import io.footfall.tinytrail.TinyTrailDirectory.Member;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code /api/v1/users} (admin only): Footfall users holding a TinyTrail key; the key is shown at creation. */
final class UserRoutes {
    private final KeyAuth auth;
    private final TinyTrailDirectory directory;

    UserRoutes(KeyAuth auth, TinyTrailDirectory directory) {
        this.auth = auth;
        this.directory = directory;
    }

    void register(TinyTrailRoutes.Registrar r) {
        r.get("/api/v1/users", this::list);
        r.post("/api/v1/users", this::create);
        r.get("/api/v1/users/{id}/api-key", this::apiKey);
        r.delete("/api/v1/users/{id}", this::delete);
    }

    private Reply list(ApiRequest req) throws Exception {
        auth.admin(req);
        return Envelope.ok(directory.members().stream().map(m -> json(m, null)).toList());
    }

    private Reply create(ApiRequest req) throws Exception {
        auth.admin(req);
        JsonNode body = Bodies.object(req);
        String accountText = Bodies.requiredString(body, "account_id", 36);
        String role = Bodies.requiredString(body, "role", 10);
        if (!role.equals("admin") && !role.equals("user")) throw TinyTrailException.invalid("'role' must be admin or user");
        String email = Bodies.optionalString(body, "email", 255);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) throw TinyTrailException.invalid("'email' is not an email address");
        UUID accountId = Ids.parse(accountText, "account_id");
        if (directory.account(accountId).isEmpty()) throw TinyTrailException.invalid("Account not found");
        TinyTrailDirectory.CreatedMember created;
        try {
            created = directory.createMember(accountId, role, email);
        } catch (AlreadyExistsException e) {
            throw TinyTrailException.invalid("A user with this email already exists");
        }
        return Envelope.success(201, json(created.member(), created.apiKey()));
    }

    private Reply apiKey(ApiRequest req) throws Exception {
        auth.admin(req);
        UUID id = Ids.parse(req.pathParam("id"), "id");
        if (directory.member(id).isEmpty()) throw TinyTrailException.notFound("User");
        String key = directory.revealKey(id).orElseThrow(() -> TinyTrailException.notFound("User"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("apiKey", key);
        return Envelope.ok(m);
    }

    private Reply delete(ApiRequest req) throws Exception {
        auth.admin(req);
        UUID id = Ids.parse(req.pathParam("id"), "id");
        Member m = directory.member(id).orElseThrow(() -> TinyTrailException.notFound("User"));
        directory.deleteMember(id);
        return Envelope.ok(json(m, null));
    }

    static Map<String, Object> json(Member m, String apiKey) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("accountId", m.accountId());
        out.put("email", m.email());
        out.put("role", m.role());
        if (apiKey != null) out.put("apiKey", apiKey);
        out.put("createdAt", m.createdAt());
        return out;
    }
}
