// The websites, links and pixels a board can read, with their names (one cached request each).
import { useApi } from '../../lib/cache';
import type { EntityType } from '../../lib/boards';
import type { PageOf } from './types';

type Named = { id: string; name: string };
export type Entities = Record<EntityType, Named[]> & { loading: boolean };

const LIST: Record<EntityType, [string, Record<string, string | number | boolean>]> = {
  website: ['/websites', { pageSize: 200, includeTeams: true }],
  link: ['/links', { pageSize: 200 }],
  pixel: ['/pixels', { pageSize: 200 }],
};

export function useEntities(): Entities {
  const w = useApi<PageOf<Named>>(...LIST.website);
  const l = useApi<PageOf<Named>>(...LIST.link);
  const p = useApi<PageOf<Named>>(...LIST.pixel);
  return { website: w.data?.data ?? [], link: l.data?.data ?? [], pixel: p.data?.data ?? [], loading: w.loading || l.loading || p.loading };
}

export function entityName(e: Entities, type?: EntityType, id?: string): string | undefined {
  if (!type || !id) return undefined;
  return e[type].find((x) => x.id === id)?.name;
}
