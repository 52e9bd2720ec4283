import { browserTimeZone, isValidTimeZone } from './dates';

// Per-person preferences. The API has no place for them yet, so they stay in this browser's
// localStorage (one key per preference); see ui/README.md.
export type Theme = 'system' | 'light' | 'dark';

const get = (k: string) => {
  try {
    return localStorage.getItem('footfall.' + k);
  } catch {
    return null;
  }
};
const set = (k: string, v: string | null) => {
  try {
    if (v === null) localStorage.removeItem('footfall.' + k);
    else localStorage.setItem('footfall.' + k, v);
  } catch {
    /* private mode: preferences just do not stick */
  }
};

export const prefs = {
  theme: (): Theme => (get('theme') as Theme) || 'system',
  setTheme(t: Theme) {
    set('theme', t === 'system' ? null : t);
    applyTheme();
  },
  timeZone: (): string => {
    const tz = get('timezone');
    return tz && isValidTimeZone(tz) ? tz : browserTimeZone();
  },
  savedTimeZone: () => get('timezone'),
  setTimeZone: (tz: string | null) => set('timezone', tz),
  defaultRange: (): string => get('range') || '24h',
  setDefaultRange: (r: string) => set('range', r),
  language: (): string => get('language') || 'en',
  setLanguage: (l: string) => set('language', l),
};

export function isDark(): boolean {
  const t = prefs.theme();
  return t === 'dark' || (t === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
}

export function applyTheme() {
  document.documentElement.dataset.theme = isDark() ? 'dark' : 'light';
  window.dispatchEvent(new Event('footfall-theme'));
}
