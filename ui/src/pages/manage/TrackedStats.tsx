import { useMemo, useState } from 'react';
import { t, type StringKey } from '../../i18n';
import { basePath } from '../../lib/api';
import { useApi } from '../../lib/cache';
import { allowedUnits, type Unit } from '../../lib/dates';
import { change, countryName, formatNumber } from '../../lib/format';
import { filterParams, parseFilters } from '../../lib/filters';
import { Link, navigate, setSearch, useLocation } from '../../lib/router';
import { bucketLabel, chartData } from '../../lib/series';
import { pixelSnippet, trackingUrl, type TrackedKind } from '../../lib/tracked';
import { useRange, type RangeState } from '../../lib/useRange';
import { DateRangePicker } from '../../components/DateRangePicker';
import { FilterBar } from '../../components/FilterBar';
import { MetricPanel, filterBy } from '../../components/MetricPanel';
import { TimeChart, WorldMap } from '../../components/charts';
import { CopyButton, ErrorBox, Spinner } from '../../components/ui';
import { API_PATH, DeleteTracked, TrackedForm } from './TrackedList';
import type { Tracked } from './types';

// A link's or pixel's statistics (/links/:id, /pixels/:id). Links and pixels are entities with ids like
// websites, so every number comes from the same /api/websites/<id>/… routes the overview uses.
// Umami shows visitors, visits and views for them and breaks hits down by source, environment and place.

const PANELS: { id: string; title: StringKey; types: string[] }[] = [
  { id: 'sources', title: 'panel.sources', types: ['referrer', 'channel'] },
  { id: 'env', title: 'panel.environment', types: ['browser', 'os', 'device'] },
];
const LOCATION = { id: 'loc', title: 'panel.location' as StringKey, types: ['country', 'region', 'city'] };

type Stats = { pageviews: number; visitors: number; visits: number; comparison?: { pageviews: number; visitors: number; visits: number } };

export function TrackedStats({ kind, id }: { kind: TrackedKind; id: string }) {
  const item = useApi<Tracked>(`${API_PATH[kind]}/${id}`);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  if (item.error) return <div className="page"><ErrorBox error={item.error} onRetry={item.reload} /></div>;
  if (!item.data) return <Spinner />;
  const x = item.data;
  const url = trackingUrl(kind, location.origin, basePath(), x.slug);
  return (
    <div className="page manage tracked-stats">
      <Link to={`/${kind}s`} className="back">
        ‹ {t(kind === 'link' ? 'nav.links' : 'nav.pixels')}
      </Link>
      <div className="page-head">
        <h1 className="entity-name">{x.name}</h1>
        <div className="page-actions">
          <button className="btn small" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </button>
          <button className="btn small danger" onClick={() => setDeleting(true)}>
            {t('common.delete')}
          </button>
        </div>
      </div>
      <section className="card tracked-head">
        <div className="tracked-url">
          <span className="muted small">{t('tracked.trackingUrl')}</span>
          <code data-testid="tracking-url">{url}</code>
          <CopyButton text={url} />
        </div>
        {kind === 'link' && (
          <div className="tracked-url">
            <span className="muted small">{t('tracked.target')}</span>
            <a href={x.url} target="_blank" rel="noreferrer noopener" className="target">
              {x.url}
            </a>
          </div>
        )}
        {kind === 'pixel' && (
          <div className="tracked-url">
            <span className="muted small">{t('pixels.embed')}</span>
            <code>{pixelSnippet(url)}</code>
            <CopyButton text={pixelSnippet(url)} />
          </div>
        )}
      </section>
      <TrackedNumbers id={x.id} createdAt={x.createdAt} />
      {editing && <TrackedForm kind={kind} item={x} onClose={() => setEditing(false)} onSaved={() => item.reload()} />}
      {deleting && <DeleteTracked kind={kind} item={x} onClose={() => setDeleting(false)} onDeleted={() => navigate(`/${kind}s`, { replace: true })} />}
    </div>
  );
}

function TrackedNumbers({ id, createdAt }: { id: string; createdAt: string }) {
  const range = useRange(id, createdAt);
  const { search } = useLocation();
  const filters = parseFilters(search);
  const fp = filterParams(filters, search.get('match') === 'any');
  const stats = useApi<Stats>(`/websites/${id}/stats`, { startAt: range.startAt, endAt: range.endAt, ...fp });
  const s = stats.data;
  const cards: { key: string; label: StringKey; value?: number; prev?: number }[] = [
    { key: 'visitors', label: 'overview.visitors', value: s?.visitors, prev: s?.comparison?.visitors },
    { key: 'visits', label: 'overview.visits', value: s?.visits, prev: s?.comparison?.visits },
    { key: 'views', label: 'overview.views', value: s?.pageviews, prev: s?.comparison?.pageviews },
  ];
  return (
    <>
      <div className="toolbar">
        <FilterBar websiteId={id} range={range} shared />
        <DateRangePicker range={range} />
      </div>
      {stats.error && <ErrorBox error={stats.error} onRetry={stats.reload} />}
      <div className={'stat-cards three' + (stats.loading && s ? ' stale' : '')} aria-live="polite">
        {cards.map((c) => {
          const ch = c.value !== undefined && c.prev !== undefined ? change(c.value, c.prev) : null;
          return (
            <div className="card stat" key={c.key} data-stat={s ? c.key : undefined}>
              <span className="stat-label">{t(c.label)}</span>
              <strong className="stat-value">{c.value !== undefined ? formatNumber(c.value) : '…'}</strong>
              {c.prev !== undefined && (
                <span className={'badge ' + (!ch ? 'flat' : ch > 0 ? 'good' : 'bad')}>{ch === null ? 'new' : `${ch > 0 ? '▲' : ch < 0 ? '▼' : ''} ${Math.abs(Math.round(ch * 100))}%`}</span>
              )}
            </div>
          );
        })}
      </div>
      <HitsChart id={id} range={range} fp={fp} />
      <div className="panels">
        {PANELS.map((p) => (
          <MetricPanel key={p.id} id={p.id} title={t(p.title)} types={p.types} websiteId={id} range={range} filters={filters} total={s?.visitors} />
        ))}
      </div>
      <div className="panels wide-left">
        <MapCard id={id} range={range} fp={fp} />
        <MetricPanel id={LOCATION.id} title={t(LOCATION.title)} types={LOCATION.types} websiteId={id} range={range} filters={filters} total={s?.visitors} />
      </div>
    </>
  );
}

type PV = { pageviews: { x: string; y: number }[]; sessions: { x: string; y: number }[] };

export function HitsChart({ id, range, fp, height }: { id: string; range: RangeState; fp: Record<string, string>; height?: number }) {
  const q = useApi<PV>(`/websites/${id}/pageviews`, { ...range.params, ...fp });
  const data = useMemo(() => chartData(q.data, range.startAt, range.endAt, range.unit, range.tz), [q.data, range]);
  const labels = useMemo(() => data.labels.map((l) => bucketLabel(l, range.unit)), [data, range.unit]);
  const series = useMemo(
    () => [
      { name: t('overview.visitors'), data: data.visitors, kind: 'bar' as const, color: 'visitors' as const },
      { name: t('overview.views'), data: data.views, kind: 'bar' as const, color: 'views' as const },
    ],
    [data],
  );
  return (
    <section className="card chart-card">
      {height === undefined && (
        <div className="chart-tools">
          <div className="seg" role="group" aria-label="unit">
            {allowedUnits(range.startAt, range.endAt).map((u: Unit) => (
              <button key={u} className={u === range.unit ? 'active' : ''} aria-pressed={u === range.unit} onClick={() => setSearch({ unit: u })}>
                {t(('unit.' + u) as StringKey)}
              </button>
            ))}
          </div>
        </div>
      )}
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      <TimeChart labels={labels} series={series} height={height} />
    </section>
  );
}

export function MapCard({ id, range, fp }: { id: string; range: RangeState; fp: Record<string, string> }) {
  const q = useApi<{ x: string; y: number }[]>(`/websites/${id}/metrics`, { ...range.params, ...fp, type: 'country', limit: 300 });
  return (
    <section className="card map-card" aria-label={t('overview.map')}>
      <h2 className="card-title">{t('overview.map')}</h2>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      <WorldMap data={q.data ?? []} label={countryName} onSelect={(code) => /^[A-Z]{2}$/.test(code) && filterBy('country', code, { loc: 'region' })} />
    </section>
  );
}
