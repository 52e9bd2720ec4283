import { describe, expect, it } from 'vitest';
import { isReportView, reportBody, REPORT_VIEWS } from './reportTypes';

describe('report requests', () => {
  it('maps each report view to its API type', () => {
    expect(Object.values(REPORT_VIEWS).sort()).toEqual(['attribution', 'breakdown', 'funnel', 'goal', 'journey', 'retention', 'revenue', 'utm']);
    expect(isReportView('funnels')).toBe(true);
    expect(isReportView('overview')).toBe(false);
  });

  it('sends the range as ISO dates and leaves out empty optional parameters', () => {
    const body = reportBody('site-1', 'journey', { steps: 3, startStep: '', endStep: '/pricing' },
      { startAt: Date.UTC(2026, 2, 1), endAt: Date.UTC(2026, 2, 31, 23, 59, 59, 999), unit: 'day', timezone: 'Europe/Berlin' },
      { country: 'eq.DE' });
    expect(body).toEqual({
      websiteId: 'site-1',
      type: 'journey',
      filters: { country: 'eq.DE' },
      parameters: { steps: 3, endStep: '/pricing', startDate: '2026-03-01T00:00:00.000Z', endDate: '2026-03-31T23:59:59.999Z', timezone: 'Europe/Berlin', unit: 'day' },
    });
  });
});
