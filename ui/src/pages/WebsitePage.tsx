import { lazy, Suspense, useState } from 'react';
import { t, type StringKey } from '../i18n';
import { useApi } from '../lib/cache';
import { Link, useLocation } from '../lib/router';
import { ErrorBox, Spinner } from '../components/ui';
import { OverviewView } from './OverviewView';
import type { Website } from './WebsitesPage';
import { isReportView } from '../reports/reportTypes';

const RealtimeView = lazy(() => import('./RealtimeView'));
const SessionsView = lazy(() => import('./SessionsView'));
const EventsView = lazy(() => import('./EventsView'));
const WebsiteSettingsView = lazy(() => import('./WebsiteSettingsView'));
const ReportView = lazy(() => import('../reports/ReportView'));
const SegmentsView = lazy(() => import('./SegmentsView'));
const CompareView = lazy(() => import('./CompareView'));

const NAV: { group: StringKey; items: { view: string; label: StringKey; ready: boolean }[] }[] = [
  {
    group: 'nav.traffic',
    items: [
      { view: 'overview', label: 'nav.overview', ready: true },
      { view: 'events', label: 'nav.events', ready: true },
      { view: 'sessions', label: 'nav.sessions', ready: true },
      { view: 'realtime', label: 'nav.realtime', ready: true },
      { view: 'performance', label: 'nav.performance', ready: false },
      { view: 'compare', label: 'nav.compare', ready: true },
      { view: 'breakdown', label: 'nav.breakdown', ready: true },
    ],
  },
  {
    group: 'nav.behavior',
    items: [
      { view: 'goals', label: 'nav.goals', ready: true },
      { view: 'funnels', label: 'nav.funnels', ready: true },
      { view: 'journeys', label: 'nav.journeys', ready: true },
      { view: 'retention', label: 'nav.retention', ready: true },
    ],
  },
  {
    group: 'nav.audience',
    items: [
      { view: 'segments', label: 'nav.segments', ready: true },
      { view: 'cohorts', label: 'nav.cohorts', ready: true },
    ],
  },
  {
    group: 'nav.growth',
    items: [
      { view: 'utm', label: 'nav.utm', ready: true },
      { view: 'revenue', label: 'nav.revenue', ready: true },
      { view: 'attribution', label: 'nav.attribution', ready: true },
    ],
  },
];

/** Views that share the range and filters: moving between them keeps the query string. */
const KEEPS_QUERY = new Set(['overview', 'events', 'sessions', 'compare']);

export function WebsitePage({ id, view, sub }: { id: string; view: string; sub?: string }) {
  const site = useApi<Website | null>(`/websites/${id}`);
  // The site switcher and the visitors online wait for the screen's own calls (deferred).
  const sites = useApi<{ data: Website[] }>('/websites', { pageSize: 200, includeTeams: true }, undefined, true);
  const active = useApi<{ visitors: number }>(`/websites/${id}/active`, undefined, 30_000, true);
  const { search } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  if (site.error) return <ErrorBox error={site.error} onRetry={site.reload} />;
  // The overview and Compare need only the id to ask for their statistics: they start drawing while the site
  // loads (an unknown id answers 404 to those calls too, and "not found" replaces it once the site's answer is in).
  const early = !site.data && site.loading && (view === 'overview' || view === 'compare') ? ({ id, name: '', domain: '' } as Website) : null;
  if (!site.data && site.loading && !early) return <Spinner />;
  if (!site.data && !early) return <p className="empty">{t('common.notFound')}</p>;
  const w = site.data ?? early!;
  const qs = search.toString();
  const keep = (v: string) => (KEEPS_QUERY.has(view) && KEEPS_QUERY.has(v) && qs ? '?' + qs : '');

  let body;
  switch (view) {
    case 'overview':
      body = <OverviewView site={w} />;
      break;
    case 'realtime':
      body = <RealtimeView site={w} />;
      break;
    case 'sessions':
      body = <SessionsView site={w} sessionId={sub} />;
      break;
    case 'events':
      body = <EventsView site={w} />;
      break;
    case 'compare':
      body = <CompareView site={w} />;
      break;
    case 'segments':
    case 'cohorts':
      body = <SegmentsView key={view} site={w} type={view === 'segments' ? 'segment' : 'cohort'} />;
      break;
    case 'settings':
      body = <WebsiteSettingsView site={w} onChanged={site.reload} />;
      break;
    default: {
      if (isReportView(view)) {
        body = <ReportView site={w} view={view} />;
        break;
      }
      const item = NAV.flatMap((g) => g.items).find((i) => i.view === view);
      body = item ? (
        <div className="empty">
          <h2>{t('coming.title', { name: t(item.label) })}</h2>
          <p>{t('coming.body')}</p>
        </div>
      ) : (
        <p className="empty">{t('common.notFound')}</p>
      );
    }
  }

  return (
    <div className={'site-frame' + (menuOpen ? ' menu-open' : '')}>
      {menuOpen && <div className="sidebar-backdrop" onClick={() => setMenuOpen(false)} aria-hidden="true" />}
      <aside className="sidebar" aria-label="website" onKeyDown={(e) => e.key === 'Escape' && setMenuOpen(false)}>
        <button className="icon-btn sidebar-close" aria-label={t('common.close')} onClick={() => setMenuOpen(false)}>
          ✕
        </button>
        <Link to="/websites" className="back">
          ‹ {t('nav.back')}
        </Link>
        {NAV.map((g) => (
          <div key={g.group} className="nav-group">
            <h3>{t(g.group)}</h3>
            <ul>
              {g.items.map((i) => (
                <li key={i.view}>
                  <Link
                    to={`/websites/${id}${i.view === 'overview' ? '' : '/' + i.view}${keep(i.view)}`}
                    aria-current={view === i.view ? 'page' : undefined}
                    className={i.ready ? '' : 'coming'}
                    onClick={() => setMenuOpen(false)}
                  >
                    {t(i.label)}
                    {!i.ready && <small>{t('nav.coming')}</small>}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <div className="nav-group">
          <ul>
            <li>
              <Link to={`/websites/${id}/settings`} aria-current={view === 'settings' ? 'page' : undefined} onClick={() => setMenuOpen(false)}>
                {t('websites.settings')}
              </Link>
            </li>
          </ul>
        </div>
      </aside>
      <section className="site-main">
        <div className="site-head">
          <button className="icon-btn menu-btn" aria-label={t('nav.menu')} aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
            ☰
          </button>
          <select
            className="site-switch"
            aria-label={t('nav.websites')}
            value={id}
            onChange={(e) => {
              const path = `/websites/${e.target.value}${view === 'overview' || view === 'settings' ? '' : '/' + view}`;
              history.pushState(null, '', document.querySelector('base')!.getAttribute('href')!.replace(/\/$/, '') + path);
              dispatchEvent(new PopStateEvent('popstate'));
            }}
          >
            {(sites.data?.data ?? [w]).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <span className="domain muted">{w.domain}</span>
          <Link to={`/websites/${id}/realtime`} className="online" title={t('nav.realtime')}>
            <span className="dot" aria-hidden="true" />
            {t('overview.online', { n: active.data?.visitors ?? 0 })}
          </Link>
          <Link to={`/websites/${id}/settings`} className="btn small head-edit">
            {t('common.edit')}
          </Link>
        </div>
        <Suspense fallback={<Spinner />}>{body}</Suspense>
      </section>
    </div>
  );
}
