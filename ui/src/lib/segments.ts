// Saved segments and cohorts (/api/websites/:id/segments): shaping the current filters into a segment's
// parameters, reading a saved one back for display, and the URL parameter that applies one.
import type { Filter } from './filters';

export type SegmentFilter = { name: string; operator: string; value: string };
export type SegmentParameters = { filters?: SegmentFilter[]; match?: 'all' | 'any'; action?: { type: string; value: string }; dateRange?: string };
export type Segment = { id: string; websiteId: string; type: 'segment' | 'cohort'; name: string; parameters: SegmentParameters; createdAt: string; updatedAt?: string };

/** The parameters Umami stores for a segment made of these filters. */
export function segmentParameters(filters: Filter[], matchAny: boolean): SegmentParameters {
  return { filters: filters.map((f) => ({ name: f.column, operator: f.op, value: f.value })), match: matchAny && filters.length > 1 ? 'any' : 'all' };
}

/** `segment=<id>` / `cohort=<id>` from the URL, for every statistics request. */
export function savedParams(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  const s = search.get('segment');
  const c = search.get('cohort');
  if (s) out.segment = s;
  if (c) out.cohort = c;
  return out;
}

/** The picker's value for the applied one: 'segment:<id>', 'cohort:<id>' or ''. */
export function pickedValue(search: URLSearchParams): string {
  if (search.get('segment')) return 'segment:' + search.get('segment');
  if (search.get('cohort')) return 'cohort:' + search.get('cohort');
  return '';
}

/** URL changes for a picker value (one of segment/cohort at a time). */
export function pickChanges(value: string): Record<string, string | null> {
  const i = value.indexOf(':');
  const type = i > 0 ? value.slice(0, i) : '';
  const id = i > 0 ? value.slice(i + 1) : '';
  return { segment: type === 'segment' ? id : null, cohort: type === 'cohort' ? id : null };
}

const OPS: Record<string, string> = { eq: '=', neq: '≠', c: 'contains', dnc: 'does not contain', re: 'matches', nre: 'does not match' };

/** One line describing what a segment or cohort keeps: "path = /pricing and browser ≠ chrome". */
export function describe(p: SegmentParameters | null | undefined): string {
  if (!p) return '';
  const parts = (p.filters ?? []).map((f) => `${f.name} ${OPS[f.operator] ?? f.operator} ${f.value}`);
  const joined = parts.join(p.match === 'any' ? ' or ' : ' and ');
  if (p.action) {
    const head = `${p.action.type} = ${p.action.value}${p.dateRange ? ` (${p.dateRange})` : ''}`;
    return joined ? `${head}; ${joined}` : head;
  }
  return joined;
}
