import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CARD_RESULTS, ReportResult, cohortDay } from './ReportResult';

describe('cohortDay', () => {
  it('names the cohort day the API sent, whatever the browser zone (the date is a day in the report zone)', () => {
    expect(cohortDay('2026-03-02T00:00:00Z')).toBe(new Date(Date.UTC(2026, 2, 2)).toLocaleDateString(undefined, { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }));
    expect(cohortDay('2026-03-02')).toContain('2');
  });
  it('falls back to the raw day when it is not a date', () => {
    expect(cohortDay('not-a-date')).toBe('not-a-date');
  });
});

describe('CARD_RESULTS', () => {
  it('lists the reports drawn as cards of their own (not boxed in one more card)', () => {
    expect([...CARD_RESULTS].sort()).toEqual(['attribution', 'revenue', 'utm']);
  });
});

const RANGE = { startAt: Date.UTC(2026, 2, 1), endAt: Date.UTC(2026, 2, 31), unit: 'day', tz: 'UTC' };
const render = (type: Parameters<typeof ReportResult>[0]['type'], data: unknown, parameters = {}) =>
  renderToStaticMarkup(createElement(ReportResult, { type, data, range: RANGE, currency: 'USD', compare: false, parameters }));

describe('report results', () => {
  it('a funnel nobody entered says which step 1 and how steps match', () => {
    const html = render('funnel', [{ type: 'path', value: '/start', visitors: 0 }, { type: 'path', value: '/end', visitors: 0 }]);
    expect(html).toContain('No visitor reached step 1 (Page /start) in this range.');
    expect(html).toContain('use * as a wildcard');
  });

  it('UTM with no tagged visit is one empty state with how to tag links, not five empty lists', () => {
    const html = render('utm', { utm_source: [], utm_medium: [], utm_campaign: [], utm_content: [], utm_term: [] });
    expect(html).toContain('No visits with UTM tags in this range.');
    expect(html).not.toContain('data-list');
  });

  it('a long breakdown value is one cut line with its whole text as the tooltip, and browsers get their names', () => {
    const long = '/a/' + 'very-long/'.repeat(20);
    const html = render('breakdown', [{ path: long, browser: 'chrome', views: 1, visitors: 1, visits: 1, bounces: 1, totaltime: 0 }]);
    expect(html).toContain(`class="report-cell-label" title="${long}"`);
    expect(html).toContain('>Chrome<');
  });
});
