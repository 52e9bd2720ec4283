import { describe, expect, it } from 'vitest';
import { change, displayName, flag, formatDuration, formatNumber, formatPercent, statCards } from './format';
import { filterParams, parseFilters, rowFilter, withFilter } from './filters';
import { chartData, eventSeries, fillSeries, heatmapCells, propertyBreakdown, realtimeBuckets, withShares } from './series';
import { toCsv } from './csv';
import { trackingSnippet } from './snippet';

describe('stat cards', () => {
  it('computes bounce rate and average visit duration per visit', () => {
    const cards = statCards({ pageviews: 6, visitors: 3, visits: 4, bounces: 1, totaltime: 200 }, { pageviews: 3, visitors: 3, visits: 2, bounces: 2, totaltime: 0 });
    expect(cards.map((c) => [c.key, c.value, c.previous])).toEqual([
      ['visitors', 3, 3], ['visits', 4, 2], ['views', 6, 3], ['bounceRate', 0.25, 1], ['visitDuration', 50, 0],
    ]);
  });
  it('changes: none to compare with is null, no change is 0', () => {
    expect(change(5, 0)).toBeNull();
    expect(change(0, 0)).toBe(0);
    expect(change(3, 2)).toBe(0.5);
    expect(change(1, 4)).toBe(-0.75);
  });
});

describe('format', () => {
  it('numbers, durations, percentages', () => {
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatNumber(123456)).toBe('123.5K');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(65)).toBe('1m 05s');
    expect(formatDuration(3720)).toBe('1h 02m');
    expect(formatPercent(1 / 3)).toBe('33%');
  });
  it('display names of raw values', () => {
    expect(displayName('country', 'DE')).toBe('Germany');
    expect(displayName('browser', 'edge-chromium')).toBe('Edge');
    expect(displayName('language', 'fr')).toBe('French');
    expect(displayName('device', 'mobile')).toBe('Mobile');
    expect(displayName('region', 'DE-BE', { country: 'DE' })).toBe('BE, Germany');
    expect(displayName('channel', 'organicSearch')).toBe('Organic search');
    expect(displayName('path', null)).toBe('(none)');
    expect(flag('de')).toBe('🇩🇪');
    expect(flag(null)).toBe('');
  });
});

describe('filters', () => {
  it('read from the URL in the API syntax; a bare value means eq', () => {
    const f = parseFilters(new URLSearchParams('path=eq./pricing&browser=neq.chrome&title=c.a.b&os=Linux&range=7d&bogus=x&city=zz.x'));
    expect(f).toEqual([
      { column: 'path', op: 'eq', value: '/pricing' },
      { column: 'title', op: 'c', value: 'a.b' },
      { column: 'browser', op: 'neq', value: 'chrome' },
      { column: 'os', op: 'eq', value: 'Linux' },
      { column: 'city', op: 'eq', value: 'zz.x' },
    ]);
  });
  it('become API parameters, match=any only with two or more', () => {
    const f = parseFilters(new URLSearchParams('path=re.^/b&country=eq.DE'));
    expect(filterParams(f, true)).toEqual({ path: 're.^/b', country: 'eq.DE', match: 'any' });
    expect(filterParams(f.slice(0, 1), true)).toEqual({ path: 're.^/b' });
    expect(withFilter({ column: 'path', op: 'dnc', value: '/x' })).toEqual({ path: 'dnc./x' });
  });
  it('a row click filters by its value; languages by their code prefix; screens not at all', () => {
    expect(rowFilter('entry', '/a')).toEqual({ column: 'path', op: 'eq', value: '/a' });
    expect(rowFilter('language', 'en')).toEqual({ column: 'language', op: 're', value: '^en' });
    expect(rowFilter('utmSource', 'news')).toEqual({ column: 'utmSource', op: 'eq', value: 'news' });
    expect(rowFilter('screen', '1920x1080')).toBeNull();
    expect(rowFilter('channel', 'email')).toBeNull();
  });
});

describe('series', () => {
  it('fills missing buckets with 0 and accepts ISO or space timestamps', () => {
    expect(fillSeries([{ x: '2026-01-01 02:00:00', y: 3 }, { x: '2026-01-01T00:00:00Z', y: 1 }], ['2026-01-01 00:00:00', '2026-01-01 01:00:00', '2026-01-01 02:00:00'])).toEqual([1, 0, 3]);
  });
  it('aligns the comparison period bucket by bucket', () => {
    const start = Date.parse('2026-01-02T00:00:00Z');
    const end = Date.parse('2026-01-02T02:59:59.999Z');
    const d = chartData(
      { pageviews: [{ x: '2026-01-02 01:00:00', y: 5 }], sessions: [{ x: '2026-01-02 01:00:00', y: 2 }], compare: { pageviews: [{ x: '2026-01-01 02:00:00', y: 7 }], sessions: [], startDate: '2026-01-01T00:00:00Z', endDate: '2026-01-01T02:59:59Z' } },
      start, end, 'hour', 'UTC',
    );
    expect(d.views).toEqual([0, 5, 0]);
    expect(d.visitors).toEqual([0, 2, 0]);
    expect(d.compareViews).toEqual([0, 0, 7]);
  });
  it('splits the events series per name, biggest first', () => {
    const labels = ['2026-01-01 00:00:00', '2026-01-01 01:00:00'];
    const s = eventSeries([{ x: 'a', t: '2026-01-01 00:00:00', y: 1 }, { x: 'b', t: '2026-01-01 00:00:00', y: 2 }, { x: 'b', t: '2026-01-01 01:00:00', y: 4 }], labels);
    expect(s).toEqual([{ name: 'b', data: [2, 4], total: 6 }, { name: 'a', data: [1, 0], total: 1 }]);
  });
  it('shares against a given total or the sum', () => {
    expect(withShares([{ y: 1 }, { y: 3 }]).map((r) => r.share)).toEqual([0.25, 0.75]);
    expect(withShares([{ y: 1 }], 4)[0].share).toBe(0.25);
    expect(withShares([{ y: 0 }])[0].share).toBe(0);
  });
  it('groups event properties with their values', () => {
    const p = propertyBreakdown([
      { propertyName: 'plan', propertyValue: 'pro', total: 3 },
      { propertyName: 'seats', propertyValue: '3', total: 1 },
      { propertyName: 'plan', propertyValue: 'free', total: 5 },
    ]);
    expect(p.map((x) => [x.name, x.total, x.values.map((v) => v.x)])).toEqual([['plan', 8, ['free', 'pro']], ['seats', 1, ['3']]]);
  });
  it('heatmap levels are relative to the busiest hour', () => {
    const h = heatmapCells([[0, 2], [4, 1]]);
    expect(h.max).toBe(4);
    expect(h.rows[1][0].level).toBe(1);
    expect(h.rows[0][1].level).toBe(0.5);
  });
});

describe('csv and snippet', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(toCsv(['a', 'b'], [['x,y', 2], ['=cmd()', 'say "hi"'], [null, -1]])).toBe('a,b\r\n"x,y",2\r\n\'=cmd(),"say ""hi"""\r\n,-1\r\n');
  });
  it('points the script at BASE_PATH and TRACKER_SCRIPT_NAME', () => {
    expect(trackingSnippet('https://a.example', '', 'W')).toBe('<script defer src="https://a.example/script.js" data-website-id="W"></script>');
    expect(trackingSnippet('https://a.example', '/stats', 'W', '/t.js,other.js')).toBe('<script defer src="https://a.example/stats/t.js" data-website-id="W"></script>');
  });
});

describe('realtime', () => {
  it('has 30 minute buckets ending with the current minute, 0 where nothing happened', () => {
    const now = Date.parse('2026-01-01T12:30:40Z');
    const b = realtimeBuckets(now, [{ x: '2026-01-01T12:30:00Z', y: 4 }, { x: '2026-01-01T12:01:00Z', y: 2 }, { x: '2026-01-01T11:00:00Z', y: 9 }], 'UTC');
    expect(b.labels).toHaveLength(30);
    expect(b.labels[0]).toBe('12:01');
    expect(b.labels[29]).toBe('12:30');
    expect(b.values[0]).toBe(2);
    expect(b.values[29]).toBe(4);
    expect(b.values.reduce((a, v) => a + v, 0)).toBe(6);
  });
});
