package io.footfall.http.umami;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.LoginLimiter;
import io.footfall.auth.PartialLoginTokens;
import io.footfall.auth.Passwords;
import io.footfall.auth.Principal;
import io.footfall.auth.QrCodes;
import io.footfall.auth.TwoFactorService;
import io.footfall.collect.ClientIpResolver;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.store.meta.User;
import io.footfall.manage.UserService;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two-factor login (TOTP) with Umami 3.3's routes and answers: {@code GET /api/2fa/status},
 * {@code POST /api/2fa/setup/initiate|confirm|cancel}, {@code POST /api/2fa/disable} (password and code), and
 * {@code POST /api/2fa/verify}, which takes the {@code partialToken} of a login as bearer token plus a code or a
 * backup code, and answers what a login answers. Wrong codes count towards the user's lock and, at verify, the
 * login limiter of the address and username; a locked check is 429 with {@code lockedUntil} and Retry-After.
 */
public final class TwoFactorRoutes {
    private static final int MAX_BACKUP_CODE = 100;
    private static final int MAX_PASSWORD = 1000;

    private final Authenticator auth;
    private final TwoFactorService twoFactor;
    private final PartialLoginTokens partialTokens;
    private final UserService users;
    private final LoginAnswer answer;
    private final LoginLimiter limiter;
    private final ClientIpResolver clientIp;

    public TwoFactorRoutes(Authenticator auth, TwoFactorService twoFactor, PartialLoginTokens partialTokens,
                           UserService users, io.footfall.auth.AuthTokens tokens, io.footfall.manage.TeamService teams,
                           LoginLimiter limiter, ClientIpResolver clientIp) {
        this.auth = auth;
        this.twoFactor = twoFactor;
        this.partialTokens = partialTokens;
        this.users = users;
        this.answer = new LoginAnswer(tokens, teams);
        this.limiter = limiter;
        this.clientIp = clientIp;
    }

    public void register(Router r) {
        r.get("/api/2fa/status", auth.guard(this::status));
        r.post("/api/2fa/setup/initiate", auth.guard(this::initiate));
        r.post("/api/2fa/setup/confirm", auth.guard(this::confirm));
        r.post("/api/2fa/setup/cancel", auth.guard(this::cancel));
        r.post("/api/2fa/disable", auth.guard(this::disable));
        r.post("/api/2fa/verify", this::verify);
        r.get("/api/admin/users/{userId}/2fa", auth.guard(this::adminStatus));
        r.delete("/api/admin/users/{userId}/2fa", auth.guard(this::adminReset));
    }

    /** An administrator's view of a user's two-factor login: {@code {isEnabled}}. */
    private Reply adminStatus(ApiRequest req) throws SQLException {
        User target = adminTarget(req);
        return Reply.ok(Map.of("isEnabled", twoFactor.isEnabled(target.id())));
    }

    /**
     * An administrator turns a user's two-factor login off (a lost phone and lost backup codes, or secrets sealed
     * under an earlier APP_SECRET): setup, backup codes and lock are removed, as Umami's reset does.
     */
    private Reply adminReset(ApiRequest req) throws SQLException {
        User target = adminTarget(req);
        twoFactor.disable(target.id());
        Map<String, Object> reset = new LinkedHashMap<>();
        reset.put("twoFactorAuth", true);
        reset.put("backupCodes", true);
        reset.put("otpUsed", true);
        reset.put("rateLimit", true);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("userId", target.id());
        m.put("reset", reset);
        return Reply.ok(m);
    }

    private User adminTarget(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        if (!io.footfall.auth.Permissions.canManageUsers(p.user())) throw ApiException.unauthorized();
        UUID id = Inputs.uuid(req.pathParam("userId"), "userId");
        return users.find(id).orElseThrow(() -> ApiException.notFound("User not found"));
    }

    /** Footfall has no admin-imposed requirement yet, so {@code isRequired} is false; secrets need no extra key. */
    private Reply status(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("isEnabled", twoFactor.isEnabled(p.user().id()));
        m.put("isRequired", false);
        m.put("requiredReason", null);
        m.put("isConfigured", true);
        m.put("globalRequired", false);
        return Reply.ok(m);
    }

    private Reply initiate(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        TwoFactorService.Setup setup = twoFactor.initiate(p.user().id(), p.user().username());
        if (setup == null) throw new ApiException(400, "two-factor-error-already-enabled", "2FA is already enabled");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("qrCodeDataUrl", QrCodes.pngDataUrl(setup.uri()));
        m.put("manualKey", setup.secret());
        m.put("otpauthUri", setup.uri());
        return Reply.ok(m);
    }

    private Reply confirm(ApiRequest req) throws SQLException {
        UUID userId = ((Principal) req.principal()).user().id();
        String code = code(req.jsonObject(), "token");
        if (!twoFactor.hasPendingSetup(userId)) {
            throw new ApiException(400, "two-factor-error-no-pending-setup", "No pending 2FA setup found");
        }
        List<String> backupCodes = new ArrayList<>();
        TwoFactorService.Check check = twoFactor.confirm(userId, code, backupCodes);
        if (check != TwoFactorService.Check.OK) return refusal(check, userId, false);
        return Reply.ok(Map.of("backupCodes", backupCodes));
    }

    private Reply cancel(ApiRequest req) throws SQLException {
        twoFactor.cancelPending(((Principal) req.principal()).user().id());
        return Reply.okTrue();
    }

    private Reply disable(ApiRequest req) throws SQLException {
        User user = ((Principal) req.principal()).user();
        JsonNode body = req.jsonObject();
        String password = Inputs.requiredString(body, "password", MAX_PASSWORD);
        String code = code(body, "token");
        String ip = clientIp.resolve(req::header, req.remoteAddress());
        long wait = Math.max(limiter.addressRetryAfterSeconds(ip), limiter.usernameRetryAfterSeconds(user.username(), ip));
        if (wait > 0) throw ApiException.tooManyRequests(wait);
        User withPassword = users.authenticate(user.username(), password).orElse(null);
        if (withPassword == null || !withPassword.id().equals(user.id())) {
            limiter.recordFailure(ip, user.username());
            throw new ApiException(400, "two-factor-error-incorrect-password", "Incorrect password");
        }
        if (!twoFactor.isEnabled(user.id())) throw new ApiException(400, "two-factor-error-not-enabled", "2FA is not enabled");
        TwoFactorService.Check check = twoFactor.checkCode(user.id(), code);
        if (check != TwoFactorService.Check.OK) return refusal(check, user.id(), false);
        twoFactor.disable(user.id());
        return Reply.okTrue();
    }

    /** The second step of a login: the partial token of the first, and a code or a backup code. */
    private Reply verify(ApiRequest req) throws SQLException {
        String bearer = bearer(req);
        if (bearer == null) throw new ApiException(401, "two-factor-error-missing-token", "Unauthorized");
        UUID userId = partialTokens.verify(bearer)
                .orElseThrow(() -> new ApiException(401, "two-factor-error-invalid-partial-token", "Unauthorized"));
        User user = users.find(userId).orElseThrow(ApiException::unauthorized);
        JsonNode body = req.jsonObject();
        boolean byBackup = body.has("backupCode");
        if (byBackup == body.has("token")) throw ApiException.badRequest("Send either 'token' or 'backupCode'");
        String code = byBackup ? Inputs.requiredString(body, "backupCode", MAX_BACKUP_CODE) : code(body, "token");
        if (!twoFactor.isEnabled(userId)) throw new ApiException(400, "two-factor-error-not-enabled", "2FA not enabled for this user");
        String ip = clientIp.resolve(req::header, req.remoteAddress());
        long wait = limiter.addressRetryAfterSeconds(ip);
        if (wait > 0) throw ApiException.tooManyRequests(wait);
        TwoFactorService.Check check = byBackup ? twoFactor.checkBackupCode(userId, code) : twoFactor.checkCode(userId, code);
        if (check != TwoFactorService.Check.OK) {
            if (check == TwoFactorService.Check.INVALID) limiter.recordFailure(ip, user.username());
            return refusal(check, userId, byBackup);
        }
        limiter.recordSuccess(ip, user.username());
        return Reply.ok(answer.of(user));
    }

    private Reply refusal(TwoFactorService.Check check, UUID userId, boolean backupCode) {
        Instant lockedUntil = twoFactor.lockedUntil(userId);
        return switch (check) {
            case LOCKED -> error(429, "two-factor-error-too-many-attempts", "Too many failed attempts", lockedUntil);
            case REUSED -> error(400, "two-factor-error-code-used", "Code already used", null);
            default -> backupCode
                    ? error(400, "two-factor-error-invalid-backup-code", "Invalid backup code", lockedUntil)
                    : error(400, "two-factor-error-invalid-code", "Invalid verification code", lockedUntil);
        };
    }

    /** Umami's error shape, with {@code lockedUntil} when the user's code checks are locked. */
    private static Reply error(int status, String code, String message, Instant lockedUntil) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        e.put("code", code);
        e.put("status", status);
        if (lockedUntil != null) e.put("lockedUntil", lockedUntil);
        Reply r = Reply.json(status, Map.of("error", e));
        if (status == 429 && lockedUntil != null) {
            r.header("Retry-After", Long.toString(Math.max(1, (lockedUntil.toEpochMilli() - System.currentTimeMillis() + 999) / 1000)));
        }
        return r;
    }

    /** A six-digit code in {@code field}. */
    private static String code(JsonNode body, String field) {
        String code = Inputs.requiredString(body, field, 6);
        if (code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.badRequest("'" + field + "' must be a 6-digit code");
        }
        return code;
    }

    private static String bearer(ApiRequest req) {
        String h = req.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String t = h.substring(7).trim();
        return t.isEmpty() ? null : t;
    }
}
