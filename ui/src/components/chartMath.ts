// The arithmetic behind the hand-drawn charts (charts.tsx): y-axis ticks, which x-axis labels fit, map shades.
// Pure functions, unit-tested in chartMath.test.ts.

/**
 * Round y-axis ticks from 0 to at least `max`: a step of 1, 2, 2.5 or 5 × 10ⁿ giving about `count`
 * intervals, never below `minStep` (1: the charts count things, "0.5 visitors" is not a tick).
 */
export function niceTicks(max: number, count = 4, minStep = 1): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 0;
  const raw = Math.max(minStep, top / count);
  const pow = 10 ** Math.floor(Math.log10(raw));
  // 2.5 × 10ⁿ only where it is still a whole number of minSteps (25, 250: yes; 2.5: no).
  const whole = (s: number) => Math.abs(s / minStep - Math.round(s / minStep)) < 1e-9;
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw - 1e-9 && whole(s)) ?? 10 * pow;
  const n = Math.max(1, Math.ceil(top / step - 1e-9));
  return Array.from({ length: n + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
}

/**
 * Every how many buckets an x-axis label is drawn so that none overlap: the widest label plus `gap` must
 * fit in `step` buckets of `band` pixels. 1 when every label fits.
 */
export function labelStep(widths: number[], band: number, gap = 8): number {
  if (!widths.length || band <= 0) return 1;
  const need = Math.max(...widths) + gap;
  return Math.max(1, Math.ceil(need / band));
}

/** The indexes of the labels drawn with labelStep's step: 0, step, 2·step, … */
export function shownLabels(n: number, step: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i += Math.max(1, step)) out.push(i);
  return out;
}

/** Where a label of `width` centred on `x` goes so that it stays inside 0..`total`. */
export function clampLabel(x: number, width: number, total: number): number {
  const half = width / 2;
  if (width >= total) return total / 2;
  return Math.min(total - half, Math.max(half, x));
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/**
 * A choropleth area's colour: linear in RGB from `low` (0) to `high` (`max`), what a continuous visual map
 * does. Values outside 0..max (or not numbers) are clamped.
 */
export function shade(value: number, max: number, low: string, high: string): string {
  const t = Math.min(1, Math.max(0, (Number.isFinite(value) ? value : 0) / Math.max(1, max)));
  const a = rgb(low);
  const b = rgb(high);
  return `rgb(${a.map((v, i) => Math.round(v + (b[i] - v) * t)).join(',')})`;
}

/** Each named area's value and colour; the largest value gets `high`. */
export function shadeAll(data: { x: string; y: number }[], low: string, high: string): Map<string, { value: number; fill: string }> {
  const max = Math.max(1, ...data.map((d) => (Number.isFinite(d.y) ? d.y : 0)));
  return new Map(data.map((d) => [d.x, { value: Number.isFinite(d.y) ? d.y : 0, fill: shade(d.y, max, low, high) }]));
}

/**
 * A bar from the baseline `y0` up to `y` with its two top corners rounded (radius `r`, less when the bar is
 * narrower or shorter), as an SVG path.
 */
export function barPath(x: number, w: number, y: number, y0: number, r = 3): string {
  const h = y0 - y;
  if (h <= 0 || w <= 0) return '';
  const k = Math.min(r, w / 2, h);
  const f = (n: number) => Math.round(n * 100) / 100;
  return `M${f(x)},${f(y0)}V${f(y + k)}Q${f(x)},${f(y)} ${f(x + k)},${f(y)}H${f(x + w - k)}Q${f(x + w)},${f(y)} ${f(x + w)},${f(y + k)}V${f(y0)}Z`;
}
