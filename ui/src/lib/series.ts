import { bucketLabels, type Unit } from './dates';

export type XY = { x: string; y: number };

/** One value per bucket of the range, 0 where the API returned nothing (it omits empty buckets). */
export function fillSeries(rows: XY[] | undefined, labels: string[]): number[] {
  const byX = new Map<string, number>();
  for (const r of rows ?? []) {
    const k = r.x.replace('T', ' ').slice(0, 19);
    byX.set(k, (byX.get(k) ?? 0) + r.y);
  }
  return labels.map((l) => byX.get(l) ?? 0);
}

export function chartData(
  res: { pageviews: XY[]; sessions: XY[]; compare?: { pageviews: XY[]; sessions: XY[]; startDate: string; endDate: string } } | undefined,
  startAt: number, endAt: number, unit: Unit, tz: string,
) {
  const labels = bucketLabels(startAt, endAt, unit, tz);
  const out = { labels, views: fillSeries(res?.pageviews, labels), visitors: fillSeries(res?.sessions, labels), compareViews: null as number[] | null, compareVisitors: null as number[] | null };
  if (res?.compare) {
    const cs = Date.parse(res.compare.startDate);
    const prevLabels = bucketLabels(cs, cs + (endAt - startAt), unit, tz).slice(0, labels.length);
    out.compareViews = fillSeries(res.compare.pageviews, prevLabels);
    out.compareVisitors = fillSeries(res.compare.sessions, prevLabels);
    while (out.compareViews.length < labels.length) out.compareViews.push(0), out.compareVisitors.push(0);
  }
  return out;
}

/** Short axis label of a bucket for its unit. */
export function bucketLabel(label: string, unit: Unit): string {
  const [date, time] = label.split(' ');
  const [y, m, d] = date.split('-').map(Number);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  if (unit === 'minute' || unit === 'hour') return time.slice(0, 5);
  if (unit === 'day') return `${mon} ${d}`;
  if (unit === 'month') return `${mon} ${y}`;
  return String(y);
}

/** Events series [{x: name, t, y}] → one array per event name over the buckets, biggest first. */
export function eventSeries(rows: { x: string; t: string; y: number }[] | undefined, labels: string[], top = 8) {
  const byName = new Map<string, XY[]>();
  for (const r of rows ?? []) {
    const list = byName.get(r.x) ?? [];
    list.push({ x: r.t, y: r.y });
    byName.set(r.x, list);
  }
  return [...byName.entries()]
    .map(([name, list]) => ({ name, data: fillSeries(list, labels), total: list.reduce((a, b) => a + b.y, 0) }))
    .sort((a, b) => b.total - a.total)
    .slice(0, top);
}

/** Rows with their share of the total (0..1) for bars and percentages. */
export function withShares<T extends { y: number }>(rows: T[], total?: number): (T & { share: number })[] {
  const sum = total ?? rows.reduce((a, r) => a + r.y, 0);
  return rows.map((r) => ({ ...r, share: sum > 0 ? r.y / sum : 0 }));
}

/** Weekly heatmap [dow][hour] → cells with a 0..1 intensity and the busiest value. */
export function heatmapCells(weekly: number[][] | undefined) {
  const max = Math.max(1, ...(weekly ?? []).flat());
  return { max, rows: (weekly ?? []).map((hours) => hours.map((n) => ({ n, level: n / max }))) };
}

/** event-data/events rows of one event → its properties, each with its values and shares, biggest first. */
export function propertyBreakdown(rows: { propertyName: string; propertyValue: string; total: number }[] | undefined) {
  const byProp = new Map<string, { x: string; y: number }[]>();
  for (const r of rows ?? []) {
    const list = byProp.get(r.propertyName) ?? [];
    list.push({ x: r.propertyValue, y: r.total });
    byProp.set(r.propertyName, list);
  }
  return [...byProp.entries()]
    .map(([name, values]) => {
      const sorted = values.sort((a, b) => b.y - a.y || a.x.localeCompare(b.x));
      return { name, total: sorted.reduce((a, v) => a + v.y, 0), values: withShares(sorted) };
    })
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}

/** The 30 minutes before `now` as minute buckets (the API answers in UTC, minute precision). */
export function realtimeBuckets(now: number, series: { x: string; y: number }[] | undefined, timeZone?: string): { labels: string[]; values: number[] } {
  const end = Math.floor(now / 60000) * 60000;
  const byMinute = new Map<number, number>();
  for (const p of series ?? []) byMinute.set(Math.floor(Date.parse(p.x) / 60000) * 60000, p.y);
  const labels: string[] = [];
  const values: number[] = [];
  for (let m = end - 29 * 60000; m <= end; m += 60000) {
    labels.push(new Date(m).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }));
    values.push(byMinute.get(m) ?? 0);
  }
  return { labels, values };
}

