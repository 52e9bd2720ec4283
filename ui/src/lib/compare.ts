// The Compare page's arithmetic: range B from range A, and two top lists side by side.
import { change } from './format';
import { resolveRange, zonedParts, zonedTime } from './dates';

export type CompareMode = 'prev' | 'yoy' | 'custom';
export type Span = { startAt: number; endAt: number };

/**
 * Range B: the period of the same length right before A ("prev"), the same dates a year earlier ("yoy", in
 * the time zone, so 1 Mar stays 1 Mar), or the custom days from/to (YYYY-MM-DD in the time zone).
 */
export function rangeB(a: Span, mode: CompareMode, tz: string, from?: string | null, to?: string | null): Span {
  if (mode === 'custom' && from) {
    const r = resolveRange({ range: 'custom', from, to: to || from }, a.endAt, tz);
    return { startAt: r.startAt, endAt: r.endAt };
  }
  if (mode === 'yoy') {
    const back = (ms: number) => {
      const p = zonedParts(ms, tz);
      return zonedTime(p.y - 1, p.m, p.d, p.h, p.mi, tz) + (ms % 60_000);
    };
    return { startAt: back(a.startAt), endAt: back(a.endAt) };
  }
  const length = a.endAt - a.startAt + 1;
  return { startAt: a.startAt - length, endAt: a.startAt - 1 };
}

export type Row = { x: string; y: number };
export type CompareRow = { x: string; a: number; b: number; change: number | null };

/** Every value in either top list, with its count in A and B (0 where absent), ordered by A then B. */
export function compareRows(a: Row[], b: Row[]): CompareRow[] {
  const byX = new Map<string, CompareRow>();
  for (const r of a) if (r.x) byX.set(r.x, { x: r.x, a: r.y, b: 0, change: null });
  for (const r of b) {
    if (!r.x) continue;
    const row = byX.get(r.x) ?? { x: r.x, a: 0, b: 0, change: null };
    row.b = r.y;
    byX.set(r.x, row);
  }
  const rows = [...byX.values()];
  for (const r of rows) r.change = change(r.a, r.b);
  return rows.sort((p, q) => q.a - p.a || q.b - p.b || p.x.localeCompare(q.x));
}
