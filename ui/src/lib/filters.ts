// Filters live in the URL exactly as the API takes them (path=eq./pricing, browser=neq.chrome,
// title=c.docs), one per column, so a dashboard link and an API call read the same.

// The filters the API takes (Footfall's FilterColumns; screen is a metric but not a filter).
export const FILTER_COLUMNS = ['path', 'referrer', 'title', 'query', 'hostname', 'tag', 'event', 'browser', 'os', 'device', 'language', 'country', 'region', 'city', 'distinctId', 'utmSource', 'utmMedium', 'utmCampaign', 'utmContent', 'utmTerm'] as const;
export type FilterColumn = (typeof FILTER_COLUMNS)[number];
export const OPERATORS = ['eq', 'neq', 'c', 'dnc', 're', 'nre'] as const;
export type Operator = (typeof OPERATORS)[number];
export type Filter = { column: FilterColumn; op: Operator; value: string };

/** Metric type → the filter column a click on one of its rows sets. */
export const METRIC_FILTER: Record<string, FilterColumn | undefined> = {
  path: 'path', entry: 'path', exit: 'path', title: 'title', query: 'query', referrer: 'referrer', domain: 'referrer',
  browser: 'browser', os: 'os', device: 'device', language: 'language', country: 'country', region: 'region',
  city: 'city', event: 'event', hostname: 'hostname', tag: 'tag', utmSource: 'utmSource', utmMedium: 'utmMedium',
  utmCampaign: 'utmCampaign', utmContent: 'utmContent', utmTerm: 'utmTerm',
};

export function parseFilters(search: URLSearchParams): Filter[] {
  const out: Filter[] = [];
  for (const column of FILTER_COLUMNS) {
    const raw = search.get(column);
    if (raw === null || raw === '') continue;
    const dot = raw.indexOf('.');
    const op = dot > 0 ? raw.slice(0, dot) : '';
    if ((OPERATORS as readonly string[]).includes(op)) out.push({ column, op: op as Operator, value: raw.slice(dot + 1) });
    else out.push({ column, op: 'eq', value: raw });
  }
  return out;
}

export function filterParam(f: Filter): string {
  return `${f.op}.${f.value}`;
}

/** The API parameters of a set of filters (plus match=any when asked). */
export function filterParams(filters: Filter[], matchAny = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of filters) out[f.column] = filterParam(f);
  if (matchAny && filters.length > 1) out.match = 'any';
  return out;
}

/**
 * The filter a click on a metric row sets. Languages are listed by their 2-letter code ('en') while
 * sessions store the browser's tag ('en-US'), so that one matches the code's prefix.
 */
export function rowFilter(type: string, value: string): Filter | null {
  const column = METRIC_FILTER[type];
  if (!column) return null;
  if (type === 'language') return { column, op: 're', value: `^${value.replace(/[^A-Za-z0-9-]/g, '')}` };
  return { column, op: 'eq', value };
}

/** URL changes that add or replace one filter. */
export function withFilter(f: Filter): Record<string, string> {
  return { [f.column]: filterParam(f) };
}
