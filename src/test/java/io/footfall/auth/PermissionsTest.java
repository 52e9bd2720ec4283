package io.footfall.auth;

import io.footfall.store.meta.User;
import io.footfall.store.meta.Website;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.footfall.auth.Permissions.Action.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The role table itself, action by action as Umami's role permissions give them, and how membership combines with it. */
class PermissionsTest {

    @Test
    void theRoleTableIsUmamis() {
        assertThat(Permissions.ROLE_ACTIONS.get("admin")).containsExactlyInAnyOrder(Permissions.Action.values());
        assertThat(Permissions.ROLE_ACTIONS.get("user")).containsExactlyInAnyOrder(WEBSITE_CREATE, WEBSITE_UPDATE, WEBSITE_DELETE, TEAM_CREATE);
        assertThat(Permissions.ROLE_ACTIONS.get("view-only")).isEmpty();
        assertThat(Permissions.ROLE_ACTIONS.get("team-owner")).containsExactlyInAnyOrder(TEAM_UPDATE, TEAM_DELETE, WEBSITE_CREATE,
                WEBSITE_UPDATE, WEBSITE_DELETE, WEBSITE_TRANSFER_TO_TEAM, WEBSITE_TRANSFER_TO_USER);
        assertThat(Permissions.ROLE_ACTIONS.get("team-manager")).containsExactlyInAnyOrder(TEAM_UPDATE, WEBSITE_CREATE,
                WEBSITE_UPDATE, WEBSITE_DELETE, WEBSITE_TRANSFER_TO_TEAM);
        assertThat(Permissions.ROLE_ACTIONS.get("team-member")).containsExactlyInAnyOrder(WEBSITE_CREATE, WEBSITE_UPDATE, WEBSITE_DELETE);
        assertThat(Permissions.ROLE_ACTIONS.get("team-view-only")).isEmpty();
        assertThat(Permissions.ROLE_ACTIONS).hasSize(7);
        assertThat(Permissions.allows("nonsense", WEBSITE_CREATE)).isFalse();
        assertThat(Permissions.allows(null, WEBSITE_CREATE)).isFalse();
    }

    static final UUID TEAM = UUID.randomUUID();

    static User user(String role) {
        return new User(UUID.randomUUID(), role + "-x", "hash", role, Instant.EPOCH);
    }

    static Website teamSite() {
        return new Website(UUID.randomUUID(), "S", "s.example", null, null, null, TEAM, null, Instant.EPOCH, Instant.EPOCH, null);
    }

    @Test
    void aTeamRoleDecidesForTeamWebsitesButAViewOnlyAccountNeverWrites() throws SQLException {
        User member = user("user");
        User viewOnlyAccount = user("view-only");
        User teamViewer = user("user");
        Map<UUID, String> roles = Map.of(member.id(), "team-member", viewOnlyAccount.id(), "team-member",
                teamViewer.id(), "team-view-only");
        Permissions p = new Permissions((team, userId) -> team.equals(TEAM) ? Optional.ofNullable(roles.get(userId)) : Optional.empty());
        Website site = teamSite();
        assertThat(p.canUpdateWebsite(member, site)).isTrue();
        assertThat(p.canUpdateWebsite(viewOnlyAccount, site)).isFalse();
        assertThat(p.canUpdateWebsite(teamViewer, site)).isFalse();
        assertThat(p.canViewWebsite(new Principal(teamViewer, "t"), site)).isTrue();
        assertThat(p.canViewWebsite(new Principal(user("user"), "t"), site)).isFalse();
        assertThat(p.canViewWebsite(Principal.share(site.id(), "s"), site)).isTrue();
        assertThat(p.canViewWebsite(Principal.share(UUID.randomUUID(), "s"), site)).isFalse();
    }
}
