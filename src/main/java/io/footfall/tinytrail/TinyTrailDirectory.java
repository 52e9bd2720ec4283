package io.footfall.tinytrail;

import io.footfall.auth.ApiKeyCodes;
import io.footfall.store.meta.ApiKey;
import io.footfall.manage.ApiKeyService;
import io.footfall.store.meta.PageOf;
import io.footfall.store.meta.Team;
import io.footfall.store.meta.TeamMember;
import io.footfall.manage.TeamService;
import io.footfall.store.meta.User;
import io.footfall.store.meta.UserListing;
import io.footfall.manage.UserService;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * TinyTrail's accounts and users as Footfall's teams and users, mapped in one place:
 * <ul>
 *   <li>an account is a team; the admin who creates it becomes its owner (a team needs one);</li>
 *   <li>a user is a Footfall user holding a {@code tt_} API key; its account is the team it joined as
 *       {@code team-manager} (so it can also manage the team's websites through the Umami API); its
 *       {@code email} is the Footfall username, and a user made without one gets a generated
 *       {@code tinytrail-<uuid>} username that is shown as no email;</li>
 *   <li>roles: TinyTrail {@code admin} is Footfall {@code admin}, everything else shows as {@code user}.</li>
 * </ul>
 */
public final class TinyTrailDirectory {
    /** The name TinyTrail keys carry in the api_key table. */
    public static final String KEY_NAME = "TinyTrail";
    static final String GENERATED_USERNAME = "tinytrail-";

    public record Account(UUID id, String name, Instant createdAt) {
    }

    public record Member(UUID id, UUID accountId, String email, String role, Instant createdAt) {
    }

    public record CreatedMember(Member member, String apiKey) {
    }

    private final UserService users;
    private final TeamService teams;
    private final ApiKeyService keys;

    public TinyTrailDirectory(UserService users, TeamService teams, ApiKeyService keys) {
        this.users = users;
        this.teams = teams;
        this.keys = keys;
    }

    public List<Account> accounts() throws SQLException {
        List<Account> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            PageOf<Team> p = teams.list(null, null, page, 500);
            for (Team t : p.data()) all.add(account(t));
            if (p.data().size() < 500) return all;
        }
    }

    public Optional<Account> account(UUID id) throws SQLException {
        return teams.find(id).map(TinyTrailDirectory::account);
    }

    public Account createAccount(String name, User admin) throws SQLException {
        return account(teams.create(name, admin).team());
    }

    /** Deletes the account's team with its websites and their data, and the users that belong to it. */
    public void deleteAccount(UUID id) throws SQLException {
        Team team = teams.find(id).orElseThrow();
        for (Member m : members()) {
            if (id.equals(m.accountId())) users.find(m.id()).ifPresent(this::deleteQuietly);
        }
        teams.delete(team);
    }

    private void deleteQuietly(User u) {
        try {
            users.delete(u);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every Footfall user that holds a TinyTrail key, oldest first. */
    public List<Member> members() throws SQLException {
        List<Member> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            PageOf<UserListing> p = users.list(null, page, 500);
            for (UserListing l : p.data()) {
                if (tinyTrailKey(l.user().id()).isPresent()) all.add(member(l.user()));
            }
            if (p.data().size() < 500) break;
        }
        all.sort(java.util.Comparator.comparing(Member::createdAt).thenComparing(m -> m.id().toString()));
        return all;
    }

    /** The TinyTrail user with this id; empty for an unknown user or one without a TinyTrail key. */
    public Optional<Member> member(UUID id) throws SQLException {
        Optional<User> u = users.find(id);
        if (u.isEmpty() || tinyTrailKey(id).isEmpty()) return Optional.empty();
        return Optional.of(member(u.get()));
    }

    public Member member(User u) throws SQLException {
        String email = u.username().startsWith(GENERATED_USERNAME) ? null : u.username();
        return new Member(u.id(), accountOf(u.id()), email, User.ADMIN.equals(u.role()) ? "admin" : "user",
                u.createdAt());
    }

    /** The account a user acts in: the team it joined as a member (not one it owns by having created it). */
    public UUID accountOf(UUID userId) throws SQLException {
        PageOf<Team> p = teams.list(userId, null, 1, 500);
        for (Team t : p.data()) {
            Optional<TeamMember> m = teams.member(t.id(), userId);
            if (m.isPresent() && !TeamMember.OWNER.equals(m.get().role())) return t.id();
        }
        return null;
    }

    /**
     * A new user in the account with a new {@code tt_} key (returned once, also kept encrypted for admins).
     *
     * @throws io.footfall.manage.AlreadyExistsException when the email is already a username
     */
    public CreatedMember createMember(UUID accountId, String role, String email) throws SQLException {
        String username = email != null ? email : GENERATED_USERNAME + UUID.randomUUID();
        // Nobody logs in with it: TinyTrail users use their key. A random password keeps the login closed.
        User u = users.create(null, username, ApiKeyCodes.generate("pw_"), "admin".equals(role) ? User.ADMIN : User.USER);
        teams.addMember(accountId, u, TeamMember.MANAGER);
        ApiKeyService.Created key = keys.create(u.id(), KEY_NAME, ApiKeyCodes.TINYTRAIL_PREFIX);
        return new CreatedMember(member(u), key.plaintext());
    }

    public void deleteMember(UUID id) throws SQLException {
        users.delete(users.find(id).orElseThrow());
    }

    /** The user's TinyTrail key, decrypted: for an admin's read-back only. */
    public Optional<String> revealKey(UUID userId) throws SQLException {
        return tinyTrailKey(userId).map(keys::reveal);
    }

    private Optional<ApiKey> tinyTrailKey(UUID userId) throws SQLException {
        // Oldest first: the key made with the user (or by the bootstrap) stays the one read back.
        List<ApiKey> list = keys.list(userId);
        for (int i = list.size() - 1; i >= 0; i--) {
            if (KEY_NAME.equals(list.get(i).name())) return Optional.of(list.get(i));
        }
        return Optional.empty();
    }

    private static Account account(Team t) {
        return new Account(t.id(), t.name(), t.createdAt());
    }
}
