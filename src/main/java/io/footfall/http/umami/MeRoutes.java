package io.footfall.http.umami;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.LoginLimiter;
import io.footfall.auth.Principal;
import io.footfall.collect.ClientIpResolver;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.UserService;

import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/me, /api/me/websites, /api/me/teams; POST /api/me/password. */
public final class MeRoutes {
    private final Authenticator auth;
    private final UserService users;
    private final WebsiteRoutes websites;
    private final TeamRoutes teams;
    private final LoginLimiter limiter;
    private final ClientIpResolver clientIp;

    /** {@code limiter} is the login limiter: a wrong current password is a password guess like a failed login. */
    public MeRoutes(Authenticator auth, UserService users, WebsiteRoutes websites, TeamRoutes teams, LoginLimiter limiter,
                    ClientIpResolver clientIp) {
        this.teams = teams;
        this.limiter = limiter;
        this.clientIp = clientIp;
        this.auth = auth;
        this.users = users;
        this.websites = websites;
    }

    public void register(Router r) {
        r.get("/api/me", auth.guard(this::me));
        r.get("/api/me/websites", auth.guard(websites::listOwn));
        r.get("/api/me/teams", auth.guard(teams::listOwn));
        r.post("/api/me/password", auth.guard(this::password));
    }

    private Reply me(ApiRequest req) {
        Principal p = req.principal();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", p.token());
        out.put("authKey", null);
        out.put("shareToken", null);
        out.put("user", Views.user(p.user()));
        return Reply.ok(out);
    }

    private Reply password(ApiRequest req) throws Exception {
        Principal p = req.principal();
        String ip = clientIp.resolve(req::header, req.remoteAddress());
        String username = p.user().username();
        long wait = Math.max(limiter.addressRetryAfterSeconds(ip), limiter.usernameRetryAfterSeconds(username, ip));
        if (wait > 0) throw ApiException.tooManyRequests(wait);
        JsonNode body = req.jsonObject();
        String current = Inputs.requiredString(body, "currentPassword", 1000);
        String next = Inputs.requiredString(body, "newPassword", 1000);
        if (next.length() < UserService.MIN_PASSWORD_LENGTH) {
            throw ApiException.badRequest("'newPassword' must be at least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        }
        if (!users.changePassword(p.user(), current, next)) {
            limiter.recordFailure(ip, username);
            throw ApiException.badRequest("Current password is incorrect");
        }
        limiter.recordSuccess(ip, username);
        return Reply.ok(Views.user(p.user()));
    }
}
