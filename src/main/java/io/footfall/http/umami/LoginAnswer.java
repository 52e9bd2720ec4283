package io.footfall.http.umami;

import io.footfall.auth.AuthTokens;
import io.footfall.manage.TeamService;
import io.footfall.store.meta.User;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a completed login answers ({@code POST /api/auth/login}, {@code POST /api/2fa/verify}): a token and the user. */
final class LoginAnswer {
    private final AuthTokens tokens;
    private final TeamService teams;

    LoginAnswer(AuthTokens tokens, TeamService teams) {
        this.tokens = tokens;
        this.teams = teams;
    }

    Map<String, Object> of(User user) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", tokens.issue(user.id()));
        Map<String, Object> u = Views.user(user);
        u.put("teams", teamsOf(user.id()));
        out.put("user", u);
        return out;
    }

    /** The teams a user belongs to, as login and verify include them. */
    List<Object> teamsOf(UUID userId) throws SQLException {
        return teams.list(userId, null, 1, 1000).data().stream().map(t -> (Object) Views.team(t)).toList();
    }
}
