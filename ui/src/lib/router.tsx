import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { basePath } from './api';

// A router in 60 lines: the History API, paths relative to BASE_PATH, and the query string as the
// place where every view's state lives (range, filters, tabs, unit), so a copied link reproduces a view.

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
window.addEventListener('popstate', notify);

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The path below BASE_PATH ('/websites/…') plus the search string. */
function snapshot() {
  const base = basePath();
  let path = location.pathname;
  if (base && path.startsWith(base)) path = path.slice(base.length);
  return (path || '/') + location.search;
}

export function useLocation(): { path: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const i = href.indexOf('?');
  return { path: i < 0 ? href : href.slice(0, i), search: new URLSearchParams(i < 0 ? '' : href.slice(i)), href };
}

export function navigate(to: string, opts: { replace?: boolean } = {}) {
  const url = basePath() + to;
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  notify();
  if (!opts.replace) window.scrollTo(0, 0);
}

/** Changes some query parameters of the current URL (null removes one). */
export function setSearch(changes: Record<string, string | null | undefined>, opts: { replace?: boolean } = {}) {
  const href = snapshot();
  const i = href.indexOf('?');
  const path = i < 0 ? href : href.slice(0, i);
  const q = new URLSearchParams(i < 0 ? '' : href.slice(i));
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  const url = basePath() + path + (s ? '?' + s : '');
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  notify();
}

/** Matches '/websites/:id/sessions/:sid' against a path; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) out[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return out;
}

export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={basePath() + to} onClick={handle} {...rest} />;
}
