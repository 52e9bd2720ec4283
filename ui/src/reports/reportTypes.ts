/** The dashboard views that show a report, and the report type each runs (POST /api/reports/<type>). */
export const REPORT_VIEWS: Record<string, ReportType> = {
  funnels: 'funnel',
  retention: 'retention',
  journeys: 'journey',
  goals: 'goal',
  utm: 'utm',
  revenue: 'revenue',
  attribution: 'attribution',
  breakdown: 'breakdown',
};

export type ReportType = 'funnel' | 'retention' | 'journey' | 'goal' | 'utm' | 'revenue' | 'attribution' | 'breakdown';

export type Step = { type: 'path' | 'event'; value: string };

/** The parameters each report's form edits (besides the range and filters, which come from the page). */
export type ReportParameters = Record<string, unknown>;

export const DEFAULT_PARAMETERS: Record<ReportType, ReportParameters> = {
  funnel: { steps: [{ type: 'path', value: '/' }, { type: 'path', value: '/pricing' }], window: 60 },
  retention: {},
  journey: { steps: 3, startStep: '', endStep: '' },
  goal: { type: 'path', value: '/' },
  utm: {},
  revenue: { currency: 'USD' },
  attribution: { model: 'first-click', type: 'path', step: '/', currency: '' },
  breakdown: { fields: ['path', 'browser'] },
};

export const BREAKDOWN_FIELDS = ['path', 'title', 'query', 'referrer', 'browser', 'os', 'device', 'screen', 'language', 'country', 'region', 'city', 'hostname', 'tag', 'event'];

export function isReportView(view: string): boolean {
  return view in REPORT_VIEWS;
}

/** The request body of a report run. Empty optional strings are left out, as the API reads them as given. */
export function reportBody(websiteId: string, type: ReportType, parameters: ReportParameters, range: { startAt: number; endAt: number; unit: string; timezone: string }, filters: Record<string, string>) {
  const p: ReportParameters = {};
  for (const [k, v] of Object.entries(parameters)) if (v !== '' && v !== undefined && v !== null) p[k] = v;
  return {
    websiteId,
    type,
    filters,
    parameters: { ...p, startDate: new Date(range.startAt).toISOString(), endDate: new Date(range.endAt).toISOString(), timezone: range.timezone, unit: range.unit },
  };
}
