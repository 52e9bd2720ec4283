// Date ranges as they live in the URL (range=7d, range=custom&from=2026-01-01&to=2026-01-31, offset=-1
// for the previous period) turned into the API's startAt/endAt (epoch ms) in the chosen time zone.

export type Unit = 'minute' | 'hour' | 'day' | 'month' | 'year';
export const RANGES = ['today', '24h', 'thisweek', 'lastweek', '7d', '30d', '90d', 'thismonth', 'lastmonth', 'thisyear', 'lastyear', 'all', 'custom'] as const;
export type RangeKey = (typeof RANGES)[number];

export type Resolved = { startAt: number; endAt: number; unit: Unit; key: RangeKey; offset: number };

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

type Parts = { y: number; m: number; d: number; h: number; mi: number; s: number; dow: number };
const fmtCache = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock parts of an instant in a time zone (month 1-12, dow 0 = Sunday). */
export function zonedParts(ms: number, tz: string): Parts {
  let f = fmtCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short',
    });
    fmtCache.set(tz, f);
  }
  const p: Record<string, string> = {};
  for (const x of f.formatToParts(new Date(ms))) p[x.type] = x.value;
  const dow = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday);
  return { y: +p.year, m: +p.month, d: +p.day, h: +p.hour % 24, mi: +p.minute, s: +p.second, dow };
}

/** The instant at which the wall clock in tz shows the given time (normalises overflowing fields). */
export function zonedTime(y: number, m: number, d: number, h = 0, mi = 0, tz: string): number {
  const wall = Date.UTC(y, m - 1, d, h, mi);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const p = zonedParts(guess, tz);
    const shown = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi);
    const diff = wall - shown;
    if (diff === 0) break;
    guess += diff;
  }
  return guess;
}

const DAY = 86_400_000;

/** The unit Umami's dashboard picks for a span: minute ≤ 60 min, hour ≤ 48 h, day ≤ ~6 months, else month. */
export function autoUnit(startAt: number, endAt: number): Unit {
  const span = endAt - startAt;
  if (span <= 3_600_000) return 'minute';
  if (span <= 2 * DAY) return 'hour';
  if (span <= 190 * DAY) return 'day';
  return 'month';
}

/** Units the person may switch to for a span (the API keeps hour up to 30 days, minute up to 60 min). */
export function allowedUnits(startAt: number, endAt: number): Unit[] {
  const span = endAt - startAt;
  const out: Unit[] = [];
  if (span <= 3_600_000) out.push('minute');
  if (span <= 31 * DAY) out.push('hour');
  if (span > 3_600_000) out.push('day');
  if (span > 27 * DAY) out.push('month');
  return out;
}

export type RangeInput = { range?: string | null; from?: string | null; to?: string | null; offset?: string | null; unit?: string | null };

function ymd(s: string | null | undefined): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '');
  return m ? [+m[1], +m[2], +m[3]] : null;
}

/**
 * Turns the URL's range into instants. `all` needs the website's first/last event times (from
 * /daterange); without them it falls back to the last 90 days... of a year, so the page still draws.
 */
export function resolveRange(input: RangeInput, now: number, tz: string, extent?: { start: number; end: number } | null): Resolved {
  const key = (RANGES as readonly string[]).includes(input.range ?? '') ? (input.range as RangeKey) : '24h';
  const offset = Number.isInteger(Number(input.offset)) ? Number(input.offset) : 0;
  const p = zonedParts(now, tz);
  let startAt: number;
  let endAt: number;
  const days = (n: number) => {
    startAt = zonedTime(p.y, p.m, p.d - (n - 1) + offset * n, 0, 0, tz);
    endAt = zonedTime(p.y, p.m, p.d + 1 + offset * n, 0, 0, tz) - 1;
  };
  switch (key) {
    case 'today':
      days(1);
      break;
    case '24h': {
      const hourStart = zonedTime(p.y, p.m, p.d, p.h, 0, tz);
      startAt = hourStart - 23 * 3_600_000 + offset * DAY;
      endAt = hourStart + 3_600_000 - 1 + offset * DAY;
      break;
    }
    case 'thisweek':
    case 'lastweek': {
      const shift = (key === 'lastweek' ? -1 : 0) + offset;
      startAt = zonedTime(p.y, p.m, p.d - p.dow + 7 * shift, 0, 0, tz);
      endAt = zonedTime(p.y, p.m, p.d - p.dow + 7 * (shift + 1), 0, 0, tz) - 1;
      break;
    }
    case '7d':
      days(7);
      break;
    case '30d':
      days(30);
      break;
    case '90d':
      days(90);
      break;
    case 'thismonth':
    case 'lastmonth': {
      const shift = (key === 'lastmonth' ? -1 : 0) + offset;
      startAt = zonedTime(p.y, p.m + shift, 1, 0, 0, tz);
      endAt = zonedTime(p.y, p.m + shift + 1, 1, 0, 0, tz) - 1;
      break;
    }
    case 'thisyear':
    case 'lastyear': {
      const shift = (key === 'lastyear' ? -1 : 0) + offset;
      startAt = zonedTime(p.y + shift, 1, 1, 0, 0, tz);
      endAt = zonedTime(p.y + shift + 1, 1, 1, 0, 0, tz) - 1;
      break;
    }
    case 'all': {
      const s = extent ? zonedParts(extent.start, tz) : zonedParts(now - 365 * DAY, tz);
      startAt = zonedTime(s.y, s.m, s.d, 0, 0, tz);
      endAt = zonedTime(p.y, p.m, p.d + 1, 0, 0, tz) - 1;
      break;
    }
    case 'custom': {
      const f = ymd(input.from) ?? [p.y, p.m, p.d];
      const t = ymd(input.to) ?? f;
      const [a, b] = Date.UTC(f[0], f[1] - 1, f[2]) <= Date.UTC(t[0], t[1] - 1, t[2]) ? [f, t] : [t, f];
      const len = Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / DAY) + 1;
      startAt = zonedTime(a[0], a[1], a[2] + offset * len, 0, 0, tz);
      endAt = zonedTime(b[0], b[1], b[2] + 1 + offset * len, 0, 0, tz) - 1;
      break;
    }
  }
  const allowed = allowedUnits(startAt!, endAt!);
  const unit = allowed.includes(input.unit as Unit) ? (input.unit as Unit) : autoUnit(startAt!, endAt!);
  return { startAt: startAt!, endAt: endAt!, unit: allowed.includes(unit) ? unit : allowed[0], key, offset };
}

/** Start instants of every bucket between startAt and endAt, as the API labels them ('YYYY-MM-DD HH:mm:00'). */
export function bucketLabels(startAt: number, endAt: number, unit: Unit, tz: string): string[] {
  const out: string[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  const label = (q: Parts) => `${q.y}-${pad(q.m)}-${pad(q.d)} ${pad(q.h)}:${pad(q.mi)}:00`;
  if (unit === 'minute' || unit === 'hour') {
    // Absolute steps: a DST switch skips or repeats a wall-clock hour, and the API has one bucket per label.
    const step = unit === 'minute' ? 60_000 : 3_600_000;
    const seen = new Set<string>();
    for (let at = startAt; at <= endAt && out.length < 5000; at += step) {
      const q = zonedParts(at, tz);
      if (unit === 'hour') q.mi = 0;
      const l = label(q);
      if (!seen.has(l)) seen.add(l), out.push(l);
    }
    return out;
  }
  const p = zonedParts(startAt, tz);
  let y = p.y, m = p.m, d = p.d;
  if (unit === 'month') d = 1;
  if (unit === 'year') (m = 1), (d = 1);
  for (let i = 0; i < 2000; i++) {
    const at = zonedTime(y, m, d, 0, 0, tz);
    if (at > endAt) break;
    out.push(label({ ...zonedParts(at, tz), h: 0, mi: 0 }));
    if (unit === 'day') d++;
    else if (unit === 'month') m++;
    else y++;
  }
  return out;
}

export function toYmd(ms: number, tz: string): string {
  const p = zonedParts(ms, tz);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}
