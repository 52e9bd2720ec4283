// The websites, links and pixels a board can read, with their names (one cached request each).
import { useApi } from '../../lib/cache';
import { useEffect, useState } from 'react';
import { api, ApiError, getToken } from '../../lib/api';
import type { EntityType } from '../../lib/boards';
import type { PageOf } from './types';

type Named = { id: string; name: string };
export type Entities = Record<EntityType, Named[]> & { loading: boolean };

const LIST: Record<EntityType, [string, Record<string, string | number | boolean>]> = {
  website: ['/websites', { pageSize: 200, includeTeams: true }],
  link: ['/links', { pageSize: 200 }],
  pixel: ['/pixels', { pageSize: 200 }],
};

/** The caller's own websites (and its teams'), links and pixels; with {@code teamId}, that team's (a team board's). */
export function useEntities(teamId?: string | null): Entities {
  const path = (type: EntityType) => (teamId ? `/teams/${teamId}${LIST[type][0]}` : LIST[type][0]);
  const w = useApi<PageOf<Named>>(path('website'), teamId ? { pageSize: 200 } : LIST.website[1]);
  const l = useApi<PageOf<Named>>(path('link'), LIST.link[1]);
  const p = useApi<PageOf<Named>>(path('pixel'), LIST.pixel[1]);
  return { website: w.data?.data ?? [], link: l.data?.data ?? [], pixel: p.data?.data ?? [], loading: w.loading || l.loading || p.loading };
}

export function entityName(e: Entities, type?: EntityType, id?: string): string | undefined {
  if (!type || !id) return undefined;
  return e[type].find((x) => x.id === id)?.name;
}

const ONE: Record<EntityType, string> = { website: '/websites/', link: '/links/', pixel: '/pixels/' };

/**
 * Whether a widget's website, link or pixel is gone (deleted): its own read answers 404, 401 or null. Asked
 * with the login token passed explicitly, so that this expected 401 does not log the person out.
 */
export function useMissing(type?: EntityType, id?: string): boolean {
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    setMissing(false);
    if (!type || !id) return;
    let live = true;
    api<unknown>(ONE[type] + id, { token: getToken() ?? undefined }).then(
      (data) => live && setMissing(data === null),
      (e) => live && setMissing(e instanceof ApiError && (e.status === 404 || e.status === 401)),
    );
    return () => {
      live = false;
    };
  }, [type, id]);
  return missing;
}
