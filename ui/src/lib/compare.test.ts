import { describe, expect, it } from 'vitest';
import { compareRows, rangeB } from './compare';

const ms = (iso: string) => Date.parse(iso);

describe('compare ranges', () => {
  // A = 7 days in Berlin: 2026-11-23 00:00 to 2026-11-29 23:59:59.999 (UTC+1).
  const a = { startAt: ms('2026-11-22T23:00:00Z'), endAt: ms('2026-11-29T22:59:59.999Z') };
  it('previous period is the same length right before', () => {
    expect(rangeB(a, 'prev', 'Europe/Berlin')).toEqual({ startAt: ms('2026-11-15T23:00:00Z'), endAt: ms('2026-11-22T22:59:59.999Z') });
  });
  it('previous year keeps the local dates across a DST difference', () => {
    // 2025-06-01 00:00 Berlin is UTC+2; the same local time in 2024 too.
    const summer = { startAt: ms('2025-05-31T22:00:00Z'), endAt: ms('2025-06-01T21:59:59.999Z') };
    expect(rangeB(summer, 'yoy', 'Europe/Berlin')).toEqual({ startAt: ms('2024-05-31T22:00:00Z'), endAt: ms('2024-06-01T21:59:59.999Z') });
    expect(rangeB(a, 'yoy', 'Europe/Berlin')).toEqual({ startAt: ms('2025-11-22T23:00:00Z'), endAt: ms('2025-11-29T22:59:59.999Z') });
  });
  it('custom days in the time zone, in either order', () => {
    expect(rangeB(a, 'custom', 'Europe/Berlin', '2026-10-01', '2026-10-03')).toEqual({ startAt: ms('2026-09-30T22:00:00Z'), endAt: ms('2026-10-03T21:59:59.999Z') });
    expect(rangeB(a, 'custom', 'UTC', '2026-10-03', '2026-10-01')).toEqual({ startAt: ms('2026-10-01T00:00:00Z'), endAt: ms('2026-10-03T23:59:59.999Z') });
  });
});

describe('compare rows', () => {
  it('joins both top lists, 0 where a value is missing, change against B', () => {
    const rows = compareRows(
      [{ x: '/', y: 4 }, { x: '/pricing', y: 2 }],
      [{ x: '/pricing', y: 4 }, { x: '/old', y: 1 }, { x: '/', y: 4 }],
    );
    expect(rows).toEqual([
      { x: '/', a: 4, b: 4, change: 0 },
      { x: '/pricing', a: 2, b: 4, change: -0.5 },
      { x: '/old', a: 0, b: 1, change: -1 },
    ]);
  });
  it('a value only in A is new', () => {
    expect(compareRows([{ x: 'DE', y: 3 }], [])).toEqual([{ x: 'DE', a: 3, b: 0, change: null }]);
  });
});
