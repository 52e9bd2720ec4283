import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { revenueLists, type RevenueData } from './RevenueResult';
import { NameValueTable } from './ReportParts';

const data: RevenueData = {
  chart: [{ x: 'signup', t: '2026-03-02T00:00:00Z', y: 25.5 }],
  country: [{ name: 'DE', value: 25.5 }],
  region: [{ name: 'DE-BE', value: 20 }],
  referrer: [{ name: 'google.com', value: 20 }],
  channel: [{ name: 'organicSearch', value: 20 }, { name: 'direct', value: 5.5 }],
  total: { sum: 25.5, count: 2, unique_count: 2, average: 12.75, comparison: { sum: 0, count: 0, unique_count: 0, average: 0 } },
};

describe('revenue report lists', () => {
  const lists = revenueLists(data);

  it('labels channels, countries and regions as the overview panels do, referrers as sent', () => {
    expect(lists.map((l) => [l.id, l.rows.map((r) => r.name)])).toEqual([
      ['country', ['Germany']], ['region', ['BE, Germany']], ['referrer', ['google.com']], ['channel', ['Organic search', 'Direct']],
    ]);
    expect(lists.find((l) => l.id === 'channel')?.rows.map((r) => r.value)).toEqual([20, 5.5]);
  });

  it('shows no raw channel key in the rendered Channel panel', () => {
    const channel = lists.find((l) => l.id === 'channel')!;
    const html = renderToStaticMarkup(createElement(NameValueTable, { id: 'channel', title: 'Channel', valueLabel: 'Revenue', rows: channel.rows }));
    expect(html).toContain('>Organic search<');
    expect(html).not.toContain('organicSearch');
  });
});
