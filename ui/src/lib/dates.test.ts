import { describe, expect, it } from 'vitest';
import { allowedUnits, autoUnit, bucketLabels, resolveRange, zonedParts, zonedTime } from './dates';

// 2026-03-29 is the night Europe/Berlin moves from +01:00 to +02:00.
const NOW = Date.parse('2026-03-31T10:17:00Z'); // 12:17 in Berlin (CEST)

describe('zoned time', () => {
  it('finds the instant of a wall-clock time in a zone', () => {
    expect(new Date(zonedTime(2026, 3, 31, 0, 0, 'Europe/Berlin')).toISOString()).toBe('2026-03-30T22:00:00.000Z');
    expect(new Date(zonedTime(2026, 3, 1, 0, 0, 'Europe/Berlin')).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(new Date(zonedTime(2026, 1, 1, 0, 0, 'America/New_York')).toISOString()).toBe('2026-01-01T05:00:00.000Z');
  });
  it('normalises overflowing days and months', () => {
    expect(new Date(zonedTime(2026, 13, 1, 0, 0, 'UTC')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(new Date(zonedTime(2026, 3, 0, 0, 0, 'UTC')).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
  it('reads weekday and hour in the zone', () => {
    const p = zonedParts(NOW, 'Europe/Berlin');
    expect([p.y, p.m, p.d, p.h, p.mi, p.dow]).toEqual([2026, 3, 31, 12, 17, 2]);
  });
});

describe('resolveRange', () => {
  const iso = (ms: number) => new Date(ms).toISOString();
  it('today runs from local midnight to the last millisecond of the day', () => {
    const r = resolveRange({ range: 'today' }, NOW, 'Europe/Berlin');
    expect(iso(r.startAt)).toBe('2026-03-30T22:00:00.000Z');
    expect(iso(r.endAt)).toBe('2026-03-31T21:59:59.999Z');
    expect(r.unit).toBe('hour');
  });
  it('24h covers the 24 whole hours ending with the current one', () => {
    const r = resolveRange({ range: '24h' }, NOW, 'UTC');
    expect(iso(r.startAt)).toBe('2026-03-30T11:00:00.000Z');
    expect(iso(r.endAt)).toBe('2026-03-31T10:59:59.999Z');
  });
  it('7 days ending today crosses the DST switch with local midnights', () => {
    const r = resolveRange({ range: '7d' }, NOW, 'Europe/Berlin');
    expect(iso(r.startAt)).toBe('2026-03-24T23:00:00.000Z');
    expect(iso(r.endAt)).toBe('2026-03-31T21:59:59.999Z');
    expect(r.unit).toBe('day');
  });
  it('offset -1 moves to the previous period of the same length', () => {
    const r = resolveRange({ range: '7d', offset: '-1' }, NOW, 'UTC');
    expect(iso(r.startAt)).toBe('2026-03-18T00:00:00.000Z');
    expect(iso(r.endAt)).toBe('2026-03-24T23:59:59.999Z');
  });
  it('weeks start on Sunday; last week is the one before', () => {
    const r = resolveRange({ range: 'lastweek' }, NOW, 'UTC');
    expect(iso(r.startAt)).toBe('2026-03-22T00:00:00.000Z');
    expect(iso(r.endAt)).toBe('2026-03-28T23:59:59.999Z');
  });
  it('last month and this year', () => {
    const m = resolveRange({ range: 'lastmonth' }, NOW, 'UTC');
    expect(iso(m.startAt)).toBe('2026-02-01T00:00:00.000Z');
    expect(iso(m.endAt)).toBe('2026-02-28T23:59:59.999Z');
    const y = resolveRange({ range: 'thisyear' }, NOW, 'UTC');
    expect(iso(y.startAt)).toBe('2026-01-01T00:00:00.000Z');
    expect(y.unit).toBe('month');
  });
  it('custom takes from/to in either order and whole days', () => {
    const r = resolveRange({ range: 'custom', from: '2026-03-10', to: '2026-03-01' }, NOW, 'UTC');
    expect(iso(r.startAt)).toBe('2026-03-01T00:00:00.000Z');
    expect(iso(r.endAt)).toBe('2026-03-10T23:59:59.999Z');
  });
  it('all time starts at the first event day', () => {
    const r = resolveRange({ range: 'all' }, NOW, 'UTC', { start: Date.parse('2025-06-15T08:00:00Z'), end: NOW });
    expect(iso(r.startAt)).toBe('2025-06-15T00:00:00.000Z');
    expect(r.unit).toBe('month');
  });
  it('an unknown range falls back to 24 hours; a unit the range cannot take is replaced', () => {
    expect(resolveRange({ range: 'nonsense' }, NOW, 'UTC').key).toBe('24h');
    expect(resolveRange({ range: '90d', unit: 'minute' }, NOW, 'UTC').unit).toBe('day');
    expect(resolveRange({ range: '7d', unit: 'hour' }, NOW, 'UTC').unit).toBe('hour');
  });
});

describe('units', () => {
  const H = 3_600_000;
  it('picks the unit from the span like Umami', () => {
    expect(autoUnit(0, H)).toBe('minute');
    expect(autoUnit(0, 48 * H)).toBe('hour');
    expect(autoUnit(0, 90 * 24 * H)).toBe('day');
    expect(autoUnit(0, 365 * 24 * H)).toBe('month');
  });
  it('offers only units the API keeps', () => {
    expect(allowedUnits(0, 24 * H)).toEqual(['hour', 'day']);
    expect(allowedUnits(0, 90 * 24 * H)).toEqual(['day', 'month']);
  });
});

describe('bucketLabels', () => {
  it('labels every hour of a day in the zone as the API does', () => {
    const r = resolveRange({ range: 'today' }, NOW, 'Europe/Berlin');
    const labels = bucketLabels(r.startAt, r.endAt, 'hour', 'Europe/Berlin');
    expect(labels).toHaveLength(24);
    expect(labels[0]).toBe('2026-03-31 00:00:00');
    expect(labels[23]).toBe('2026-03-31 23:00:00');
  });
  it('a DST day has 23 hours', () => {
    const start = zonedTime(2026, 3, 29, 0, 0, 'Europe/Berlin');
    const end = zonedTime(2026, 3, 30, 0, 0, 'Europe/Berlin') - 1;
    expect(bucketLabels(start, end, 'hour', 'Europe/Berlin')).toHaveLength(23);
  });
  it('months start on the first', () => {
    const r = resolveRange({ range: 'thisyear' }, NOW, 'UTC');
    expect(bucketLabels(r.startAt, r.endAt, 'month', 'UTC')).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-01 00:00:00`),
    );
  });
});

describe('half-hour zones', () => {
  it('hour buckets start at local whole hours in Asia/Kolkata', () => {
    const r = resolveRange({ range: 'today' }, NOW, 'Asia/Kolkata');
    const labels = bucketLabels(r.startAt, r.endAt, 'hour', 'Asia/Kolkata');
    expect(labels[0]).toBe('2026-03-31 00:00:00');
    expect(labels).toHaveLength(24);
  });
});
