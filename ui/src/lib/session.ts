import { useSyncExternalStore } from 'react';
import { api, getToken, setToken, setUnauthorizedHandler } from './api';
import { invalidate, whenIdle } from './cache';
import { navigate } from './router';
import { loadServerPrefs } from './prefs';

// Who is logged in, shared by every screen. Login keeps the token in localStorage; any 401 (expired or
// revoked token) clears it and sends the person to /login?next=<the page they were on>&expired=1.

export type User = { id: string; username: string; role: string; isAdmin: boolean; createdAt?: string };
type State = { user: User | null; checking: boolean; config: Config | null; prefsVersion: number };
export type Config = { basePath: string; trackerScriptName: string | null; collectApiEndpoint: string | null; defaultPassword?: boolean };

let state: State = { user: null, checking: !!getToken(), config: null, prefsVersion: 0 };
const listeners = new Set<() => void>();
const emit = (s: Partial<State>) => {
  state = { ...state, ...s };
  listeners.forEach((l) => l());
};

export function useSession(): State {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => state,
  );
}

function here() {
  const base = document.querySelector('base')?.getAttribute('href')?.replace(/\/$/, '') ?? '';
  const p = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : location.pathname;
  return (p || '/') + location.search;
}

setUnauthorizedHandler((hadToken) => {
  const wasLoggedIn = hadToken;
  emit({ user: null, checking: false });
  invalidate();
  const next = here();
  if (!next.startsWith('/login')) navigate(`/login?next=${encodeURIComponent(next)}${wasLoggedIn ? '&expired=1' : ''}`, { replace: true });
});

export async function loadConfig() {
  try {
    emit({ config: await api<Config>('/config') });
  } catch {
    emit({ config: { basePath: '', trackerScriptName: null, collectApiEndpoint: null } });
  }
}

export async function verify() {
  if (!getToken()) {
    emit({ checking: false });
    return;
  }
  try {
    const user = await api<User>('/auth/verify', { method: 'POST', body: {} });
    emit({ user, checking: false });
    // Neither is needed to draw the screen (the mirror in localStorage is): they wait for the screen's calls.
    await whenIdle();
    loadConfig();
    // This browser already holds the last preferences it saw: draw with them, redraw if they changed elsewhere.
    loadServerPrefs().then((changed) => changed && emit({ prefsVersion: state.prefsVersion + 1 }));
  } catch {
    emit({ checking: false });
  }
}

type LoginAnswer = { token: string; user: User } | { requiresTwoFactor: true; partialToken: string };

/** Logs in; when the account has two-factor login on, returns the partial token verifyTwoFactor needs. */
export async function login(username: string, password: string): Promise<{ partialToken: string } | null> {
  const res = await api<LoginAnswer>('/auth/login', { body: { username, password } });
  if ('requiresTwoFactor' in res && res.requiresTwoFactor) return { partialToken: res.partialToken };
  await loggedIn(res as { token: string; user: User });
  return null;
}

/** The second step (POST /api/2fa/verify with the partial token): a code from the app, or a backup code. */
export async function verifyTwoFactor(partialToken: string, code: { token: string } | { backupCode: string }) {
  const res = await api<{ token: string; user: User; error?: { message?: string } }>('/2fa/verify', { body: code, token: partialToken });
  if (res.error) throw new Error(res.error.message ?? 'Invalid code');
  await loggedIn(res);
}

async function loggedIn(res: { token: string; user: User }) {
  setToken(res.token);
  invalidate();
  // A new browser learns the person's preferences before the first screen is drawn with them.
  if (await loadServerPrefs()) state = { ...state, prefsVersion: state.prefsVersion + 1 };
  emit({ user: res.user, checking: false });
  await loadConfig();
}

export async function logout() {
  try {
    await api('/auth/logout', { method: 'POST', body: {} });
  } catch {
    /* the token is forgotten either way */
  }
  setToken(null);
  invalidate();
  emit({ user: null, config: state.config ? { ...state.config, defaultPassword: undefined } : null });
  navigate('/login', { replace: true });
}
