// The one place the dashboard talks to the server: the public Umami API under BASE_PATH.
// The login token lives in localStorage ('footfall.token'); a 401 on any call forgets it and sends the
// person to /login?next=<where they were>.

export const TOKEN_KEY = 'footfall.token';

/** BASE_PATH as the server wrote it into <base href>; '' at the root. */
export function basePath(): string {
  const base = document.querySelector('base')?.getAttribute('href') ?? '/';
  return base.replace(/\/$/, '');
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function getToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null) {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

// Share mode (/share/:slug): nobody is logged in; requests carry the share token the server handed out
// for that slug, the way Umami's share page does, and never the login token.
export type ShareAuth = { token: string; websiteId: string };
let shareAuth: ShareAuth | null = null;
export function setShareAuth(s: ShareAuth | null) {
  shareAuth = s;
}
export function isShareMode() {
  return shareAuth !== null;
}

/** The headers that authenticate a request: the share token in share mode, else the login token. */
export function authHeaders(share: ShareAuth | null, token: string | null): Record<string, string> {
  if (share) return { 'x-umami-share-token': share.token, 'x-umami-share-context': '1' };
  return token ? { Authorization: `Bearer ${token}` } : {};
}

let onUnauthorized: (hadToken: boolean) => void = () => {};
export function setUnauthorizedHandler(fn: (hadToken: boolean) => void) {
  onUnauthorized = fn;
}

export type Params = Record<string, string | number | boolean | undefined | null>;

export function queryString(params?: Params): string {
  if (!params) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** opts.token: a token other than the login's (the partial token of a two-factor login); its 401s do not log out. */
export async function api<T>(path: string, opts: { params?: Params; method?: string; body?: unknown; signal?: AbortSignal; token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = shareAuth ? null : (opts.token ?? getToken());
  Object.assign(headers, authHeaders(shareAuth, token));
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(basePath() + '/api' + path + queryString(opts.params), {
      method: opts.method ?? (opts.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'The server cannot be reached. Is Footfall running?');
  }
  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!res.ok) {
    // Only a rejection of the token still stored logs out: a late 401 for a token already replaced (a new login
    // in another tab, or while this request was in flight) must not throw the new one away.
    if (res.status === 401 && path !== '/auth/login' && !shareAuth && !opts.token && getToken() === token) {
      const hadToken = !!token;
      setToken(null);
      onUnauthorized(hadToken);
    }
    const message =
      (body as { error?: { message?: string } })?.error?.message ??
      (typeof (body as { error?: unknown })?.error === 'string' ? ((body as { error: string }).error as string) : null) ??
      `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, message);
  }
  return body as T;
}
