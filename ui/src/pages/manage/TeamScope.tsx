import { t } from '../../i18n';
import { useApi } from '../../lib/cache';
import { setSearch, useLocation } from '../../lib/router';
import type { PageOf } from './types';

// Whose links, pixels or boards a list shows: the caller's own, or one of their teams' (?team=<id>,
// listed from /api/teams/:teamId/<things>, and new ones are created for that team).

type Team = { id: string; name: string };

export function useTeamScope(): { team: string | null; teams: Team[] } {
  const { search } = useLocation();
  const q = useApi<PageOf<Team>>('/me/teams', { pageSize: 100 });
  return { team: search.get('team'), teams: q.data?.data ?? [] };
}

export function listPath(thing: 'links' | 'pixels' | 'boards', team: string | null): string {
  return team ? `/teams/${team}/${thing}` : `/${thing}`;
}

export function TeamScopePicker({ team, teams }: { team: string | null; teams: Team[] }) {
  if (teams.length === 0 && !team) return null;
  return (
    <select className="scope-pick" aria-label={t('scope.label')} value={team ?? ''} onChange={(e) => setSearch({ team: e.target.value || null, page: null, search: null })}>
      <option value="">{t('scope.mine')}</option>
      {teams.map((x) => (
        <option key={x.id} value={x.id}>
          {t('scope.team', { name: x.name })}
        </option>
      ))}
    </select>
  );
}
