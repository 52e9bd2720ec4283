package io.footfall.manage;

import io.footfall.store.meta.PageOf;
import io.footfall.store.meta.Team;
import io.footfall.store.meta.TeamMember;
import io.footfall.store.meta.User;
import io.footfall.store.meta.Website;
import io.footfall.store.meta.WebsiteQuery;
import io.footfall.store.MetaStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Team lifecycle and membership. Permissions are checked by the caller ({@code auth.Permissions}). */
public final class TeamService {
    private final MetaStore meta;
    private final WebsiteService websites;

    public TeamService(MetaStore meta, WebsiteService websites) {
        this.meta = meta;
        this.websites = websites;
    }

    /** A new team and the owner's membership. */
    public record Created(Team team, TeamMember owner) {
    }

    public Created create(String name, User owner) throws SQLException {
        Instant now = Instant.now();
        Team team = new Team(UUID.randomUUID(), name, "team_" + RandomCodes.of(16), null, now, now, null);
        TeamMember membership = new TeamMember(UUID.randomUUID(), team.id(), owner.id(), TeamMember.OWNER, now, now,
                owner.username());
        meta.insertTeam(team, membership);
        return new Created(team, membership);
    }

    public Optional<Team> find(UUID id) throws SQLException {
        return meta.findTeam(id);
    }

    public Optional<Team> findByAccessCode(String accessCode) throws SQLException {
        return meta.findTeamByAccessCode(accessCode);
    }

    /** Teams the user belongs to, or every team when {@code memberId} is null. */
    public PageOf<Team> list(UUID memberId, String search, int page, int pageSize) throws SQLException {
        return meta.listTeams(memberId, search, page, pageSize);
    }

    /** Renames the team or changes its access code; a code another team holds is refused. */
    public Team update(Team t, String name, String accessCode) throws SQLException {
        if (!accessCode.equals(t.accessCode()) && meta.findTeamByAccessCode(accessCode).isPresent()) {
            throw new AlreadyExistsException("Access code is already in use");
        }
        Team updated = new Team(t.id(), name, accessCode, t.logoUrl(), t.createdAt(), Instant.now(), null);
        meta.updateTeam(updated);
        return updated;
    }

    /** Deletes the team, its memberships, and its websites with their collected data (as Umami does). */
    public void delete(Team t) throws SQLException {
        deleteWebsites(t.id());
        meta.markTeamDeleted(t.id(), Instant.now());
        deleteWebsites(t.id());
    }

    private void deleteWebsites(UUID teamId) throws SQLException {
        while (true) {
            PageOf<Website> owned = websites.list(new WebsiteQuery(null, null, teamId, null, 1, 100));
            if (owned.data().isEmpty()) return;
            for (Website w : owned.data()) websites.delete(w);
        }
    }

    public Optional<TeamMember> member(UUID teamId, UUID userId) throws SQLException {
        return meta.findTeamMember(teamId, userId);
    }

    public PageOf<TeamMember> members(UUID teamId, String search, int page, int pageSize) throws SQLException {
        return meta.listTeamMembers(teamId, search, page, pageSize);
    }

    /** Adds a user to the team; a user already in it is refused. */
    public TeamMember addMember(UUID teamId, User user, String role) throws SQLException {
        if (meta.findTeamMember(teamId, user.id()).isPresent()) {
            throw new AlreadyExistsException("User is already a member of the team");
        }
        Instant now = Instant.now();
        TeamMember m = new TeamMember(UUID.randomUUID(), teamId, user.id(), role, now, now, user.username());
        meta.insertTeamMember(m);
        return m;
    }

    public TeamMember changeRole(TeamMember m, String role) throws SQLException {
        TeamMember updated = m.withRole(role, Instant.now());
        meta.updateTeamMember(updated);
        return updated;
    }

    public void removeMember(UUID teamId, UUID userId) throws SQLException {
        meta.deleteTeamMember(teamId, userId);
    }

    public long websiteCount(UUID teamId) throws SQLException {
        return meta.countTeamWebsites(teamId);
    }
}
