// Numbers, durations and changes as the dashboard prints them.

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en');

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return Math.abs(n) >= 10_000 ? compact.format(n) : whole.format(Math.round(n * 100) / 100);
}

export function formatExact(n: number): string {
  return whole.format(n);
}

/** Seconds as "4m 05s", "1h 02m", "12s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '0s';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(r).padStart(2, '0')}s`;
  return `${r}s`;
}

export function formatPercent(share: number, digits = 0): string {
  if (!Number.isFinite(share)) return '0%';
  return `${(share * 100).toFixed(digits)}%`;
}

/** Relative change from previous to current; null when there is nothing to compare with. */
export function change(current: number, previous: number): number | null {
  if (!previous) return current ? null : 0;
  return (current - previous) / previous;
}

export type Stats = { pageviews: number; visitors: number; visits: number; bounces: number; totaltime: number };

/**
 * The five cards: value, previous value, change, and whether a rise is good news. The rate cards (bounce
 * rate, visit duration) have no previous value when the previous period had no visits, so they say "new"
 * exactly when the count cards do, instead of comparing with a made-up 0.
 */
export function statCards(s: Stats, prev: Stats) {
  const bounceRate = (x: Stats) => (x.visits ? Math.min(1, x.bounces / x.visits) : 0);
  const duration = (x: Stats) => (x.visits ? x.totaltime / x.visits : 0);
  const rateChange = (cur: number, old: number) => (prev.visits ? change(cur, old) : s.visits ? null : 0);
  const card = (key: string, value: number, previous: number, good: 'up' | 'down', kind: 'number' | 'percent' | 'duration', ch: number | null) => ({ key, value, previous, good, kind, change: ch });
  return [
    card('visitors', s.visitors, prev.visitors, 'up', 'number', change(s.visitors, prev.visitors)),
    card('visits', s.visits, prev.visits, 'up', 'number', change(s.visits, prev.visits)),
    card('views', s.pageviews, prev.pageviews, 'up', 'number', change(s.pageviews, prev.pageviews)),
    card('bounceRate', bounceRate(s), bounceRate(prev), 'down', 'percent', rateChange(bounceRate(s), bounceRate(prev))),
    card('visitDuration', duration(s), duration(prev), 'up', 'duration', rateChange(duration(s), duration(prev))),
  ];
}

/** What a card's badge says: "new" without a previous value, else an arrow and the rounded change. */
export function changeLabel(ch: number | null): string {
  if (ch === null) return 'new';
  const pct = Math.abs(Math.round(ch * 100));
  return `${ch > 0 ? '▲ ' : ch < 0 ? '▼ ' : ''}${pct}%`;
}

export function formatStat(kind: 'number' | 'percent' | 'duration', v: number) {
  return kind === 'percent' ? formatPercent(v) : kind === 'duration' ? formatDuration(v) : formatNumber(v);
}

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return null;
  }
})();
const languageNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    return null;
  }
})();

export function countryName(code: string | null | undefined): string {
  if (!code) return '(unknown)';
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string): string {
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

const BROWSERS: Record<string, string> = {
  chrome: 'Chrome', crios: 'Chrome (iOS)', firefox: 'Firefox', fxios: 'Firefox (iOS)', safari: 'Safari',
  ios: 'Safari (iOS)', 'ios-webview': 'iOS WebView', 'edge-chromium': 'Edge', edge: 'Edge (legacy)', edgios: 'Edge (iOS)',
  opera: 'Opera', samsung: 'Samsung Internet', 'chromium-webview': 'Android WebView', android: 'Android Browser',
  yandexbrowser: 'Yandex', brave: 'Brave', ie: 'Internet Explorer', silk: 'Silk', miui: 'MIUI', facebook: 'Facebook',
  instagram: 'Instagram', vivaldi: 'Vivaldi',
};

/** Display name of a metric row's raw value (country codes, browser ids, languages, devices). */
export function displayName(type: string, x: string | null, extra?: { country?: string }): string {
  if (x === null || x === undefined || x === '') return '(none)';
  switch (type) {
    case 'country':
      return countryName(x);
    case 'region': {
      const c = extra?.country ?? x.split('-')[0];
      return `${x.includes('-') ? x.slice(x.indexOf('-') + 1) : x}, ${countryName(c)}`;
    }
    case 'browser':
      return BROWSERS[x] ?? x;
    case 'language':
      return languageName(x);
    case 'device':
      return x.charAt(0).toUpperCase() + x.slice(1);
    case 'channel':
      return CHANNELS[x] ?? x;
    default:
      return x;
  }
}

const CHANNELS: Record<string, string> = {
  direct: 'Direct', referral: 'Referral', organicSearch: 'Organic search', paidSearch: 'Paid search',
  organicSocial: 'Organic social', paidSocial: 'Paid social', email: 'Email', sms: 'SMS', organicShopping: 'Organic shopping',
  paidShopping: 'Paid shopping', organicVideo: 'Organic video', paidVideo: 'Paid video', paidAds: 'Paid ads',
  display: 'Display', affiliate: 'Affiliate', audio: 'Audio', push: 'Push', unknown: 'Unknown',
};

export function flag(code: string | null | undefined): string {
  if (!code || !/^[A-Za-z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}
