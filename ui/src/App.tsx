import { lazy, Suspense, useEffect } from 'react';
import { t } from './i18n';
import { match, navigate, useLocation } from './lib/router';
import { useSession, verify } from './lib/session';
import { Spinner } from './components/ui';
import { Layout } from './components/Layout';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LoginPage } from './pages/LoginPage';
import { WebsitesPage } from './pages/WebsitesPage';
import { WebsitePage } from './pages/WebsitePage';
import { SharePage } from './pages/SharePage';

const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const ManagePage = lazy(() => import('./pages/manage/ManagePage'));
/** Links, pixels and boards (pages/manage/). */
const isManagePath = (p: string) => /^\/(links|pixels|boards)(\/|$)/.test(p);

export function App() {
  const { path, href } = useLocation();
  const { user, checking, prefsVersion } = useSession();

  const shareSlug = match('/share/:slug', path)?.slug;

  useEffect(() => {
    if (!shareSlug) verify();
  }, [shareSlug]);

  useEffect(() => {
    if (shareSlug) return;
    if (!checking && !user && path !== '/login') navigate(`/login?next=${encodeURIComponent(href)}`, { replace: true });
    if (user && path === '/') navigate('/websites', { replace: true });
  }, [checking, user, path, href, shareSlug]);

  if (shareSlug) return <SharePage key={shareSlug} slug={shareSlug} />;

  if (path === '/login')
    return (
      <ErrorBoundary resetKey={path}>
        <LoginPage />
      </ErrorBoundary>
    );
  // A remembered login draws a website's screens while it is being verified, so their calls start at once
  // (any 401 sends to /login); other pages wait for the user (roles, admin sections).
  if (!user && !(checking && path.startsWith('/websites/'))) return <Spinner />;

  let page;
  let m;
  if (path === '/websites' || path === '/') page = <WebsitesPage />;
  else if ((m = match('/websites/:id', path)) || (m = match('/websites/:id/:view', path)) || (m = match('/websites/:id/:view/:sub', path)))
    page = <WebsitePage key={m.id} id={m.id} view={m.view ?? 'overview'} sub={m.sub} />;
  else if ((m = match('/settings/:section', path)) || (m = match('/settings/:section/:sub', path)))
    page = <SettingsPage section={m.section} sub={m.sub} />;
  else if (path === '/settings') page = <SettingsPage section="profile" />;
  else if (isManagePath(path)) page = <ManagePage path={path} />;
  else page = <p className="empty">{t('common.notFound')}</p>;

  return (
    <Layout>
      <ErrorBoundary resetKey={path}>
        {/* Preferences changed in another browser: draw the page again with them (time zone, range, forms). */}
        <Suspense key={prefsVersion} fallback={<Spinner />}>
          {page}
        </Suspense>
      </ErrorBoundary>
    </Layout>
  );
}
