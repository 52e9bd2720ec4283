import { browserTimeZone, isValidTimeZone } from './dates';
import { api, getToken, isShareMode } from './api';
import { setLanguage } from '../i18n';

// Per-person preferences. They are kept per user on the server (GET/POST /api/me/preferences) and mirrored
// in this browser's localStorage (one key per preference), which every screen reads synchronously; see
// ui/README.md.
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
    /* private mode: preferences just do not stick in this browser */
  }
};

type Remote = { language: string | null; timezone: string | null; theme: string | null; dateRange: string | null };
/** Server field → localStorage key. */
const KEYS: [keyof Remote, string][] = [
  ['language', 'language'],
  ['timezone', 'timezone'],
  ['theme', 'theme'],
  ['dateRange', 'range'],
];

/** Saves changed preferences for the logged-in person; a failure leaves them in this browser only. */
function remember(body: Partial<Remote>) {
  if (!getToken() || isShareMode()) return;
  api('/me/preferences', { body }).catch(() => {});
}

export const prefs = {
  theme: (): Theme => (get('theme') as Theme) || 'system',
  setTheme(t: Theme) {
    set('theme', t === 'system' ? null : t);
    remember({ theme: t });
    applyTheme();
  },
  timeZone: (): string => {
    const tz = get('timezone');
    return tz && isValidTimeZone(tz) ? tz : browserTimeZone();
  },
  savedTimeZone: () => get('timezone'),
  setTimeZone: (tz: string | null) => (set('timezone', tz), remember({ timezone: tz })),
  defaultRange: (): string => get('range') || '24h',
  setDefaultRange: (r: string) => (set('range', r), remember({ dateRange: r })),
  language: (): string => get('language') || 'en',
  setLanguage: (l: string) => (set('language', l), remember({ language: l })),
};

/**
 * Reads the person's preferences from the server into this browser (after login and on every start).
 * When the server has none yet, what this browser had (from before they were kept per user) becomes the
 * person's. Returns whether anything here changed, so the screens can redraw.
 */
export async function loadServerPrefs(): Promise<boolean> {
  let remote: Remote;
  try {
    remote = await api<Remote>('/me/preferences');
  } catch {
    return false;
  }
  if (KEYS.every(([f]) => remote[f] === null)) {
    const local = Object.fromEntries(KEYS.map(([f, k]) => [f, get(k)]).filter(([, v]) => v !== null));
    if (Object.keys(local).length) remember(local);
    return false;
  }
  let changed = false;
  for (const [f, k] of KEYS) {
    const v = f === 'theme' && remote.theme === 'system' ? null : remote[f];
    if (get(k) !== v) {
      set(k, v);
      changed = true;
    }
  }
  if (changed) {
    setLanguage(prefs.language());
    applyTheme();
  }
  return changed;
}

export function isDark(): boolean {
  const t = prefs.theme();
  return t === 'dark' || (t === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
}

export function applyTheme() {
  document.documentElement.dataset.theme = isDark() ? 'dark' : 'light';
  window.dispatchEvent(new Event('footfall-theme'));
}
