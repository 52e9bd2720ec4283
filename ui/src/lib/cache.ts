import { useEffect, useReducer, useRef } from 'react';
import { api, ApiError, type Params } from './api';
export type { Params };

// A small request cache: the same GET asked by two components is fetched once; a result stays fresh for
// a few seconds (switching tabs back and forth costs nothing) and is refetched after. No library needed
// for this little: see ui/README.md.

type Entry = { at: number; promise: Promise<unknown>; data?: unknown; error?: unknown };
const entries = new Map<string, Entry>();
const FRESH_MS = 15_000;

export function cacheKey(path: string, params?: Params) {
  return path + JSON.stringify(params ?? {});
}

export function invalidate(prefix = '') {
  for (const k of [...entries.keys()]) if (k.startsWith(prefix)) entries.delete(k);
}

// The browser opens at most 6 connections to the server: calls the screen does not need to be drawn (site
// switcher, segment picker, visitors online, config, preferences) wait until the screen's own calls have
// answered, so they never queue in front of them (two seconds at most).
let inflight = 0;
let waiting: (() => void)[] = [];
const IDLE_WAIT_MAX_MS = 2000;
function release() {
  if (inflight === 0) waiting.splice(0).forEach((f) => f());
}
/** Resolves once no screen call is in flight (checked after the current render's calls have started). */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    setTimeout(release, 0);
    setTimeout(resolve, IDLE_WAIT_MAX_MS);
  });
}

function load<T>(path: string, params: Params | undefined, force: boolean, deferred = false): Entry {
  const key = cacheKey(path, params);
  const hit = entries.get(key);
  if (hit && !force && Date.now() - hit.at < FRESH_MS) return hit;
  const entry: Entry = { at: Date.now(), promise: Promise.resolve() };
  let call: Promise<T>;
  if (deferred) call = whenIdle().then(() => api<T>(path, { params }));
  else {
    inflight++;
    call = api<T>(path, { params }).finally(() => {
      inflight--;
      setTimeout(release, 0);
    });
  }
  entry.promise = call.then(
    (d) => {
      entry.data = d;
      return d;
    },
    (e) => {
      entry.error = e;
      entries.delete(key);
      throw e;
    },
  );
  entries.set(key, entry);
  return entry;
}

export type Query<T> = { data: T | undefined; error: ApiError | Error | undefined; loading: boolean; reload: () => void };

/**
 * Fetches path with params (null path: nothing yet); refreshes every pollMs when given. deferred: the call
 * waits for the screen's other calls (see whenIdle).
 */
export function useApi<T>(path: string | null, params?: Params, pollMs?: number, deferred = false): Query<T> {
  const key = path ? cacheKey(path, params) : '';
  const [nonce, reload] = useReducer((n: number) => n + 1, 0);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const state = useRef<{ key: string; data?: T; error?: Error; loading: boolean }>({ key: '', loading: true });
  const lastNonce = useRef(0);

  if (state.current.key !== key) {
    // Keep the old data on screen while the new one loads (no flashing panels when a filter changes).
    state.current = { key, data: state.current.data, loading: !!path };
    // Start the call while rendering, not in the effect: React runs effects children first, which would
    // send a screen's own calls (the overview's stats) after every panel's.
    if (path) load<T>(path, params, false, deferred);
  }

  useEffect(() => {
    if (!path) return;
    let live = true;
    const run = (forced: boolean) => {
      const e = load<T>(path, params, forced, deferred);
      const settle = (d: T | undefined, err?: Error) => {
        if (!live) return;
        state.current = { key, data: d, error: err, loading: false };
        bump();
      };
      if (e.data !== undefined) settle(e.data as T);
      else e.promise.then((d) => settle(d as T), (err) => settle(undefined, err));
    };
    const forced = nonce !== lastNonce.current;
    lastNonce.current = nonce;
    run(forced);
    const timer = pollMs ? window.setInterval(() => run(true), pollMs) : undefined;
    return () => {
      live = false;
      if (timer) window.clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, pollMs, nonce]);

  return { data: state.current.data, error: state.current.error, loading: state.current.loading, reload };
}
