package io.footfall.http.umami;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.AuthTokens;
import io.footfall.auth.LoginLimiter;
import io.footfall.auth.Principal;
import io.footfall.collect.ClientIpResolver;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.store.meta.User;
import io.footfall.manage.TeamService;
import io.footfall.manage.UserService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POST /api/auth/login, /verify, /logout. When the account has two-factor login on, a right password answers
 * {@code {requiresTwoFactor: true, partialToken}} instead of a token (Umami 3.3); {@link TwoFactorRoutes}
 * completes the login at {@code POST /api/2fa/verify}.
 */
public final class AuthRoutes {
    private final UserService users;
    private final AuthTokens tokens;
    private final Authenticator auth;
    private final LoginLimiter limiter;
    private final ClientIpResolver clientIp;
    private final boolean loginDisabled;
    private final TeamService teams;
    private final io.footfall.auth.TwoFactorService twoFactor;
    private final io.footfall.auth.PartialLoginTokens partialTokens;

    public AuthRoutes(UserService users, TeamService teams, AuthTokens tokens, Authenticator auth, LoginLimiter limiter,
                      ClientIpResolver clientIp, boolean loginDisabled) {
        this(users, teams, tokens, auth, limiter, clientIp, loginDisabled, null, null);
    }

    public AuthRoutes(UserService users, TeamService teams, AuthTokens tokens, Authenticator auth, LoginLimiter limiter,
                      ClientIpResolver clientIp, boolean loginDisabled, io.footfall.auth.TwoFactorService twoFactor,
                      io.footfall.auth.PartialLoginTokens partialTokens) {
        this.twoFactor = twoFactor;
        this.partialTokens = partialTokens;
        this.users = users;
        this.teams = teams;
        this.tokens = tokens;
        this.auth = auth;
        this.limiter = limiter;
        this.clientIp = clientIp;
        this.loginDisabled = loginDisabled;
    }

    public void register(Router r) {
        r.post("/api/auth/login", this::login);
        r.post("/api/auth/verify", auth.guard(this::verify));
        r.post("/api/auth/logout", auth.guard(this::logout));
    }

    private Reply login(ApiRequest req) throws Exception {
        if (loginDisabled) throw ApiException.forbidden("Login is disabled on this server");
        String ip = clientIp.resolve(req::header, req.remoteAddress());
        long wait = limiter.addressRetryAfterSeconds(ip);
        if (wait > 0) throw ApiException.tooManyRequests(wait);
        JsonNode body = req.jsonObject();
        String username = Inputs.requiredString(body, "username", 255);
        String password = Inputs.requiredString(body, "password", 1000);
        wait = limiter.usernameRetryAfterSeconds(username, ip);
        if (wait > 0) throw ApiException.tooManyRequests(wait);
        User user = users.authenticate(username, password).orElse(null);
        if (user == null) {
            limiter.recordFailure(ip, username);
            throw new ApiException(401, "incorrect-username-password", "Incorrect username and/or password");
        }
        if (twoFactor != null && twoFactor.isEnabled(user.id())) {
            // The limiter learns of the success only once the code is right too (TwoFactorRoutes).
            Map<String, Object> partial = new LinkedHashMap<>();
            partial.put("requiresTwoFactor", true);
            partial.put("partialToken", partialTokens.issue(user.id()));
            return Reply.ok(partial);
        }
        limiter.recordSuccess(ip, username);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", tokens.issue(user.id()));
        Map<String, Object> u = Views.user(user);
        u.put("teams", teamsOf(user.id()));
        out.put("user", u);
        return Reply.ok(out);
    }

    private Reply verify(ApiRequest req) throws java.sql.SQLException {
        Principal p = req.principal();
        Map<String, Object> u = Views.user(p.user());
        u.put("teams", teamsOf(p.user().id()));
        return Reply.ok(u);
    }

    /** The teams a user belongs to, as login and verify include them. */
    private List<Object> teamsOf(java.util.UUID userId) throws java.sql.SQLException {
        return teams.list(userId, null, 1, 1000).data().stream().map(t -> (Object) Views.team(t)).toList();
    }

    private Reply logout(ApiRequest req) {
        Principal p = req.principal();
        tokens.revoke(p.token());
        return Reply.okTrue();
    }
}
