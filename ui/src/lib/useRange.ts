import { useMemo } from 'react';
import { resolveRange, type Resolved } from './dates';
import { prefs } from './prefs';
import { useLocation } from './router';
import { useApi } from './cache';

export type RangeState = Resolved & { tz: string; params: { startAt: number; endAt: number; unit: string; timezone: string } };

/**
 * The date range of the current URL, in the URL's time zone (tz=…) or the person's. `all` asks the
 * website's first and last event from /daterange; until that route exists it counts from the site's creation.
 */
export function useRange(websiteId?: string, createdAt?: string): RangeState {
  const { search } = useLocation();
  const tz = search.get('tz') || prefs.timeZone();
  const key = search.get('range') || prefs.defaultRange();
  const extentQuery = useApi<{ startDate: string | null; endDate: string | null }>(key === 'all' && websiteId ? `/websites/${websiteId}/daterange` : null);
  const extent = useMemo(() => {
    const d = extentQuery.data;
    if (d?.startDate) return { start: Date.parse(d.startDate), end: Date.parse(d.endDate ?? d.startDate) };
    if (key === 'all' && (extentQuery.error || !websiteId) && createdAt) return { start: Date.parse(createdAt), end: Date.now() };
    return null;
  }, [extentQuery.data, extentQuery.error, key, websiteId, createdAt]);
  // Minute precision keeps the range (and so the request cache key) stable across re-renders.
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const from = search.get('from');
  const to = search.get('to');
  const offset = search.get('offset');
  const unit = search.get('unit');
  return useMemo(() => {
    const r = resolveRange({ range: key, from, to, offset, unit }, now, tz, extent);
    return { ...r, tz, params: { startAt: r.startAt, endAt: r.endAt, unit: r.unit, timezone: tz } };
  }, [key, from, to, offset, unit, now, tz, extent]);
}
