import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { api, ApiError, setShareAuth } from '../lib/api';
import { invalidate, useApi } from '../lib/cache';
import { applyTheme, isDark, prefs } from '../lib/prefs';
import { ErrorBox, Spinner } from '../components/ui';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { OverviewView } from './OverviewView';
import type { Website } from './WebsitesPage';
import { SharedBoard } from './manage/SharedBoard';

// The public, read-only view of one website behind a share link (/share/:slug). Nobody is logged in:
// GET /api/share/:slug hands out a token that reads this website's statistics and nothing else, and the
// API client sends it (x-umami-share-token) instead of a login token. No navigation to private pages.

// A board share answers boardId instead of websiteId.
type Share = { shareId: string; websiteId?: string; boardId?: string; token: string };

export function SharePage({ slug }: { slug: string }) {
  const [share, setShare] = useState<Share | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setShareAuth(null);
    setError(null);
    fetch(document.querySelector('base')?.getAttribute('href')?.replace(/\/$/, '') + `/api/share/${encodeURIComponent(slug)}`, { headers: { Accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) throw new ApiError(res.status, `${res.status} ${res.statusText}`);
        return (await res.json()) as Share;
      })
      .then(
        (s) => {
          if (!live) return;
          invalidate();
          setShareAuth({ token: s.token, websiteId: (s.websiteId ?? s.boardId) as string });
          setShare(s);
        },
        (e) => live && setError(e),
      );
    return () => {
      live = false;
    };
  }, [slug, attempt]);

  useEffect(() => () => setShareAuth(null), []);

  let body;
  if (error instanceof ApiError && (error.status === 404 || error.status === 401 || error.status === 403))
    body = (
      <div className="empty share-gone" role="alert">
        <h2>{t('share.goneTitle')}</h2>
        <p>{t('share.goneBody')}</p>
      </div>
    );
  else if (error) body = <ErrorBox error={error} onRetry={() => setAttempt(attempt + 1)} />;
  else if (!share) body = <Spinner />;
  else if (share.boardId) body = <SharedBoard boardId={share.boardId} />;
  else body = <SharedSite websiteId={share.websiteId as string} />;

  return <ShareFrame>{body}</ShareFrame>;
}

function SharedSite({ websiteId }: { websiteId: string }) {
  const site = useApi<Website | null>(`/websites/${websiteId}`);
  if (site.error) return <ErrorBox error={site.error} onRetry={site.reload} />;
  if (!site.data) return site.loading ? <Spinner /> : <p className="empty">{t('common.notFound')}</p>;
  return (
    <>
      <div className="site-head share-head">
        <h1 className="share-name">{site.data.name}</h1>
        <span className="domain muted">{site.data.domain}</span>
      </div>
      <OverviewView site={site.data} shared />
    </>
  );
}

function ShareFrame({ children }: { children: React.ReactNode }) {
  const [, setDark] = useState(isDark());
  const toggleTheme = () => {
    prefs.setTheme(isDark() ? 'light' : 'dark');
    applyTheme();
    setDark(isDark());
  };
  return (
    <div className="app share">
      <header className="topbar">
        <span className="brand">
          <svg viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="var(--accent)" />
            <path d="M9 23V9h12v3h-8.5v3H19v3h-6.5v5z" fill="#fff" />
          </svg>
          <span>{t('appName')}</span>
        </span>
        <span className="muted share-badge">{t('share.readOnly')}</span>
        <div className="topbar-end">
          <button className="icon-btn" onClick={toggleTheme} aria-label={t('theme.toggle')} title={t('theme.toggle')}>
            {isDark() ? '☀' : '☾'}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="share-main">
        <ErrorBoundary resetKey="share">{children}</ErrorBoundary>
      </main>
      <footer className="footer">
        Footfall · IP geolocation by <a href="https://db-ip.com">DB-IP</a> (<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)
      </footer>
    </div>
  );
}
