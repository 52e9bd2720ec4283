import { useMemo, useRef } from 'react';
import { t } from '../i18n';
import { useApi } from '../lib/cache';
import { countryName, displayName, flag, formatNumber } from '../lib/format';
import { realtimeBuckets, withShares } from '../lib/series';
import { TimeChart, WorldMap } from '../components/charts';
import { Empty, ErrorBox, Spinner } from '../components/ui';
import type { Website } from './WebsitesPage';

type RealtimeEvent = { __type: string; sessionId: string; eventName: string | null; createdAt: string; browser: string | null; os: string | null; device: string | null; country: string | null; urlPath: string | null; referrerDomain: string | null };
type Realtime = {
  countries: Record<string, number>; urls: Record<string, number>; referrers: Record<string, number>; events: RealtimeEvent[];
  series: { views: { x: string; y: number }[]; visitors: { x: string; y: number }[] };
  totals: { views: number; visitors: number; events: number; countries: number }; timestamp: number;
};

const POLL_MS = 5000;

export default function RealtimeView({ site }: { site: Website }) {
  const q = useApi<Realtime>(`/realtime/${site.id}`, undefined, POLL_MS);
  const active = useApi<{ visitors: number }>(`/websites/${site.id}/active`, undefined, POLL_MS);
  const seen = useRef(new Set<string>());
  const d = q.data;
  const chart = useMemo(() => {
    const views = realtimeBuckets(d?.timestamp ?? Date.now(), d?.series.views);
    const visitors = realtimeBuckets(d?.timestamp ?? Date.now(), d?.series.visitors);
    return {
      labels: views.labels,
      series: [
        { name: t('overview.visitors'), data: visitors.values, kind: 'bar' as const, color: 'visitors' as const },
        { name: t('overview.views'), data: views.values, kind: 'bar' as const, color: 'views' as const },
      ],
    };
  }, [d]);
  if (q.error && !d) return <ErrorBox error={q.error} onRetry={q.reload} />;
  if (!d) return <Spinner />;
  const feed = d.events.filter((e) => e.__type !== 'session').slice(0, 60);
  const fresh = new Set(feed.map((e) => e.createdAt + e.sessionId + (e.urlPath ?? '') + (e.eventName ?? '')));
  const isNew = (k: string) => seen.current.size > 0 && !seen.current.has(k);
  const toList = (o: Record<string, number>) => Object.entries(o).map(([x, y]) => ({ x, y })).sort((a, b) => b.y - a.y);
  const render = (
    <div className="realtime">
      <p className="muted small" aria-live="polite">
        {t('realtime.updated', { time: new Date(d.timestamp).toLocaleTimeString() })}
      </p>
      <div className="stat-cards">
        <div className="card stat" data-stat="now">
          <span className="stat-label">{t('realtime.now')}</span>
          <strong className="stat-value">{formatNumber(active.data?.visitors ?? 0)}</strong>
        </div>
        <div className="card stat" data-stat="views">
          <span className="stat-label">{t('realtime.views')}</span>
          <strong className="stat-value">{formatNumber(d.totals.views)}</strong>
        </div>
        <div className="card stat" data-stat="visitors">
          <span className="stat-label">{t('realtime.visitors')}</span>
          <strong className="stat-value">{formatNumber(d.totals.visitors)}</strong>
        </div>
        <div className="card stat" data-stat="events">
          <span className="stat-label">{t('realtime.events')}</span>
          <strong className="stat-value">{formatNumber(d.totals.events)}</strong>
        </div>
        <div className="card stat" data-stat="countries">
          <span className="stat-label">{t('realtime.countries')}</span>
          <strong className="stat-value">{formatNumber(d.totals.countries)}</strong>
        </div>
      </div>
      <section className="card chart-card">
        <TimeChart labels={chart.labels} series={chart.series} height={220} />
      </section>
      <div className="grid2">
        <section className="card" aria-label={t('realtime.feed')}>
          <h2 className="card-title">{t('realtime.feed')}</h2>
          {feed.length === 0 && <Empty>{t('realtime.empty')}</Empty>}
          <ul className="feed" data-testid="feed">
            {feed.map((e) => {
              const k = e.createdAt + e.sessionId + (e.urlPath ?? '') + (e.eventName ?? '');
              return (
                <li key={k} className={isNew(k) ? 'new' : ''}>
                  <time dateTime={e.createdAt}>{new Date(e.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })}</time>
                  <span className="what">
                    {flag(e.country)} {displayName('browser', e.browser)} · {e.os ?? ''} — {e.__type === 'event' ? `${t('realtime.triggered')} ` : `${t('realtime.viewed')} `}
                    <b>{e.__type === 'event' ? e.eventName : e.urlPath}</b>
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
        <div className="panel-stack">
          <TopList title={t('realtime.pages')} rows={toList(d.urls)} type="path" />
          <TopList title={t('realtime.referrers')} rows={toList(d.referrers)} type="referrer" />
        </div>
      </div>
      <div className="panels wide-left">
        <section className="card">
          <WorldMap data={toList(d.countries)} label={countryName} />
        </section>
        <TopList title={t('metric.country')} rows={toList(d.countries)} type="country" />
      </div>
    </div>
  );
  seen.current = fresh;
  return render;
}

function TopList({ title, rows, type }: { title: string; rows: { x: string; y: number }[]; type: string }) {
  const shared = withShares(rows.slice(0, 10));
  return (
    <section className="card panel small-panel" aria-label={title}>
      <h2 className="card-title">{title}</h2>
      {rows.length === 0 && <Empty>{t('realtime.empty')}</Empty>}
      <ol className="metric-rows">
        {shared.map((r) => (
          <li className="metric-row" key={r.x}>
            <div className="bar" style={{ width: `${r.share * 100}%` }} aria-hidden="true" />
            <span className="row-label">{(type === 'country' ? flag(r.x) + ' ' : '') + displayName(type, r.x)}</span>
            <span className="row-value">{formatNumber(r.y)}</span>
            <span className="row-share">{Math.round(r.share * 100)}%</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
