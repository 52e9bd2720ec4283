import { useMemo } from 'react';
import { t, type StringKey } from '../i18n';
import { useApi } from '../lib/cache';
import { allowedUnits, type Unit } from '../lib/dates';
import { changeLabel, formatStat, statCards, type Stats } from '../lib/format';
import { filterParams, parseFilters } from '../lib/filters';
import { setSearch, useLocation } from '../lib/router';
import { bucketLabel, chartData, heatmapCells } from '../lib/series';
import { useRange, type RangeState } from '../lib/useRange';
import { trackingSnippet } from '../lib/snippet';
import { basePath } from '../lib/api';
import { useSession } from '../lib/session';
import { DateRangePicker } from '../components/DateRangePicker';
import { FilterBar } from '../components/FilterBar';
import { MetricPanel } from '../components/MetricPanel';
import { TimeChart } from '../components/charts';
import { MapCard } from './MapCard';
import { CopyButton, ErrorBox } from '../components/ui';
import type { Website } from './WebsitesPage';
import { savedParams } from '../lib/segments';

const PANELS: { id: string; title: StringKey; types: string[] }[] = [
  { id: 'pages', title: 'panel.pages', types: ['path', 'entry', 'exit', 'title', 'query'] },
  { id: 'sources', title: 'panel.sources', types: ['referrer', 'channel', 'domain'] },
  { id: 'env', title: 'panel.environment', types: ['browser', 'os', 'device', 'screen'] },
  { id: 'loc', title: 'panel.location', types: ['country', 'region', 'city', 'language'] },
];
const EXTRA: { id: string; title: StringKey; types: string[] } = { id: 'other', title: 'panel.other', types: ['event', 'hostname', 'tag'] };
const UTM: { id: string; title: StringKey; types: string[] } = { id: 'utm', title: 'panel.utm', types: ['utmSource', 'utmMedium', 'utmCampaign', 'utmContent', 'utmTerm'] };

export function OverviewView({ site, shared = false }: { site: Website; shared?: boolean }) {
  const range = useRange(site.id, site.createdAt);
  const { search } = useLocation();
  const filters = parseFilters(search);
  const fp = { ...filterParams(filters, search.get('match') === 'any'), ...savedParams(search) };
  const compare = search.get('compare') === 'yoy' ? 'yoy' : search.get('compare') === 'none' ? null : 'prev';
  const stats = useApi<Stats & { comparison: Stats }>(`/websites/${site.id}/stats`, { startAt: range.startAt, endAt: range.endAt, ...fp, ...(compare === 'yoy' ? { compare: 'yoy' } : {}) });

  return (
    <div className="overview">
      <div className="toolbar">
        <FilterBar websiteId={site.id} range={range} shared={shared} />
        <DateRangePicker range={range} />
      </div>
      {stats.error && <ErrorBox error={stats.error} onRetry={stats.reload} />}
      <StatCards stats={stats.data} compare={compare} stale={stats.loading} />
      {stats.data && stats.data.pageviews === 0 && stats.data.visitors === 0 && filters.length === 0 && !fp.segment && !fp.cohort && !shared && <InstallHint site={site} />}
      <ChartCard site={site} range={range} fp={fp} compare={compare} />
      <div className="panels">
        {PANELS.map((p) => (
          <MetricPanel key={p.id} id={p.id} title={t(p.title)} types={p.types} websiteId={site.id} range={range} filters={filters} total={stats.data?.visitors} />
        ))}
      </div>
      <div className="panels wide-left">
        <MapCard site={site} range={range} fp={fp} />
        <MetricPanel id={EXTRA.id} title={t(EXTRA.title)} types={EXTRA.types} websiteId={site.id} range={range} filters={filters} total={stats.data?.visitors} />
      </div>
      <div className="panels wide-right">
        <MetricPanel id={UTM.id} title={t(UTM.title)} types={UTM.types} websiteId={site.id} range={range} filters={filters} total={stats.data?.visitors} />
        <Heatmap site={site} range={range} fp={fp} />
      </div>
    </div>
  );
}

function StatCards({ stats, compare, stale }: { stats?: Stats & { comparison: Stats }; compare: string | null; stale: boolean }) {
  const cards = stats ? statCards(stats, stats.comparison) : null;
  const names: StringKey[] = ['overview.visitors', 'overview.visits', 'overview.views', 'overview.bounceRate', 'overview.visitDuration'];
  return (
    <div className={'stat-cards' + (stale && stats ? ' stale' : '')} aria-live="polite" aria-busy={stale}>
      {names.map((n, i) => {
        const c = cards?.[i];
        const ch = c ? c.change : null;
        const good = ch === null || ch === 0 ? 'flat' : (ch > 0) === (c!.good === 'up') ? 'good' : 'bad';
        return (
          <div className="card stat" key={n} data-stat={c?.key}>
            <span className="stat-label">{t(n)}</span>
            <strong className="stat-value">{c ? formatStat(c.kind, c.value) : '…'}</strong>
            {c && (
              <span className={'badge ' + good} title={`${formatStat(c.kind, c.previous)} ${compare === 'yoy' ? t('overview.vsYear') : t('overview.vsPrevious')}`}>
                {changeLabel(ch)}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}

type PV = { pageviews: { x: string; y: number }[]; sessions: { x: string; y: number }[]; compare?: { pageviews: { x: string; y: number }[]; sessions: { x: string; y: number }[]; startDate: string; endDate: string } };

function ChartCard({ site, range, fp, compare }: { site: Website; range: RangeState; fp: Record<string, string>; compare: string | null }) {
  const q = useApi<PV>(`/websites/${site.id}/pageviews`, { ...range.params, ...fp, ...(compare ? { compare } : {}) });
  const data = useMemo(() => chartData(q.data, range.startAt, range.endAt, range.unit, range.tz), [q.data, range]);
  const labels = useMemo(() => data.labels.map((l) => bucketLabel(l, range.unit)), [data, range.unit]);
  const series = useMemo(() => {
    const s = [
      { name: t('overview.visitors'), data: data.visitors, kind: 'bar' as const, color: 'visitors' as const },
      { name: t('overview.views'), data: data.views, kind: 'bar' as const, color: 'views' as const },
    ];
    if (data.compareViews) s.push({ name: `${t('overview.views')} (${compare === 'yoy' ? t('overview.compare.yoy') : t('overview.compare.prev')})`, data: data.compareViews, kind: 'line' as never, color: 'compare' as never });
    return s;
  }, [data, compare]);
  const units = allowedUnits(range.startAt, range.endAt);
  return (
    <section className="card chart-card">
      <div className="chart-tools">
        <div className="seg" role="group" aria-label="unit">
          {units.map((u: Unit) => (
            <button key={u} className={u === range.unit ? 'active' : ''} aria-pressed={u === range.unit} onClick={() => setSearch({ unit: u })}>
              {t(('unit.' + u) as StringKey)}
            </button>
          ))}
        </div>
        <label className="compare">
          {t('overview.compare')}{' '}
          <select value={compare ?? 'none'} onChange={(e) => setSearch({ compare: e.target.value === 'prev' ? null : e.target.value })}>
            <option value="prev">{t('overview.compare.prev')}</option>
            <option value="yoy">{t('overview.compare.yoy')}</option>
            <option value="none">{t('overview.compare.none')}</option>
          </select>
        </label>
      </div>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      <TimeChart labels={labels} series={series} />
    </section>
  );
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function Heatmap({ site, range, fp }: { site: Website; range: RangeState; fp: Record<string, string> }) {
  const q = useApi<number[][]>(`/websites/${site.id}/sessions/weekly`, { ...range.params, ...fp });
  const cells = heatmapCells(q.data);
  return (
    <section className="card heatmap-card" aria-label={t('overview.traffic')}>
      <h2 className="card-title">{t('overview.traffic')}</h2>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      <div className="heatmap" role="table">
        <div className="hm-row" role="row">
          <span className="hm-day" />
          {Array.from({ length: 24 }, (_, h) => (
            <span key={h} className="hm-hour" role="columnheader">
              {h % 3 === 0 ? h : ''}
            </span>
          ))}
        </div>
        {cells.rows.map((hours, d) => (
          <div className="hm-row" role="row" key={d}>
            <span className="hm-day" role="rowheader">
              {DAYS[d]}
            </span>
            {hours.map((c, h) => (
              <span key={h} className="hm-cell" role="cell" title={`${DAYS[d]} ${h}:00 – ${c.n}`}>
                <span className="hm-dot" style={{ transform: `scale(${c.n ? 0.25 + 0.75 * c.level : 0.12})`, opacity: c.n ? 0.35 + 0.65 * c.level : 0.5 }} />
              </span>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}

export function InstallHint({ site }: { site: Website }) {
  const { config } = useSession();
  const snippet = trackingSnippet(location.origin, basePath(), site.id, config?.trackerScriptName);
  return (
    <section className="card install">
      <h2>{t('overview.installTitle')}</h2>
      <p>{t('overview.installHelp')}</p>
      <pre className="code">{snippet}</pre>
      <CopyButton text={snippet} />
    </section>
  );
}
