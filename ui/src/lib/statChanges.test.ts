import { describe, expect, it } from 'vitest';
import { changeLabel, statCards, type Stats } from './format';

const EMPTY: Stats = { pageviews: 0, visitors: 0, visits: 0, bounces: 0, totaltime: 0 };
const labels = (cur: Stats, prev: Stats) => Object.fromEntries(statCards(cur, prev).map((c) => [c.key, changeLabel(c.change)]));

describe('stat card changes', () => {
  it('an empty previous period makes every card say "new", also when duration and bounce rate are 0', () => {
    // 2 visits of one view each with no time spent: bounce rate 100 %, duration 0 s.
    expect(labels({ pageviews: 2, visitors: 2, visits: 2, bounces: 2, totaltime: 0 }, EMPTY)).toEqual({
      visitors: 'new', visits: 'new', views: 'new', bounceRate: 'new', visitDuration: 'new',
    });
    // Same with no bounces and 0 s: the rate cards used to show "0%" here.
    expect(labels({ pageviews: 4, visitors: 1, visits: 1, bounces: 0, totaltime: 0 }, EMPTY)).toEqual({
      visitors: 'new', visits: 'new', views: 'new', bounceRate: 'new', visitDuration: 'new',
    });
  });
  it('two empty periods are 0% on every card', () => {
    expect(labels(EMPTY, EMPTY)).toEqual({ visitors: '0%', visits: '0%', views: '0%', bounceRate: '0%', visitDuration: '0%' });
  });
  it('an empty current period after traffic is -100% on the counts and the rates', () => {
    expect(labels(EMPTY, { pageviews: 6, visitors: 3, visits: 4, bounces: 1, totaltime: 200 })).toEqual({
      visitors: '▼ 100%', visits: '▼ 100%', views: '▼ 100%', bounceRate: '▼ 100%', visitDuration: '▼ 100%',
    });
  });
  it('both periods with visits: relative change of each value', () => {
    // now: 4 visits, 1 bounce (25 %), 200 s → 50 s; before: 2 visits, 1 bounce (50 %), 50 s → 25 s.
    const cards = statCards({ pageviews: 6, visitors: 3, visits: 4, bounces: 1, totaltime: 200 }, { pageviews: 3, visitors: 4, visits: 2, bounces: 1, totaltime: 50 });
    expect(cards.map((c) => [c.key, c.change])).toEqual([
      ['visitors', -0.25], ['visits', 1], ['views', 1], ['bounceRate', -0.5], ['visitDuration', 1],
    ]);
    expect(cards.map((c) => changeLabel(c.change))).toEqual(['▼ 25%', '▲ 100%', '▲ 100%', '▼ 50%', '▲ 100%']);
  });
  it('previous visits with 0 s duration: duration has nothing to divide by and says "new"', () => {
    const d = statCards({ pageviews: 2, visitors: 1, visits: 1, bounces: 0, totaltime: 30 }, { pageviews: 1, visitors: 1, visits: 1, bounces: 1, totaltime: 0 })[4];
    expect(d.change).toBeNull();
  });
  it('unchanged values are 0% without an arrow', () => {
    const s = { pageviews: 6, visitors: 3, visits: 4, bounces: 1, totaltime: 200 };
    expect(Object.values(labels(s, s))).toEqual(['0%', '0%', '0%', '0%', '0%']);
  });
});
