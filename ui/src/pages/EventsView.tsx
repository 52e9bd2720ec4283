import { useMemo } from 'react';
import { t } from '../i18n';
import { useApi } from '../lib/cache';
import { formatNumber, formatPercent } from '../lib/format';
import { filterParams, parseFilters } from '../lib/filters';
import { setSearch, useLocation } from '../lib/router';
import { bucketLabel, eventSeries, propertyBreakdown, withShares } from '../lib/series';
import { bucketLabels } from '../lib/dates';
import { useRange } from '../lib/useRange';
import { DateRangePicker } from '../components/DateRangePicker';
import { FilterBar } from '../components/FilterBar';
import { TimeChart } from '../components/charts';
import { Empty, ErrorBox, Spinner } from '../components/ui';
import type { Website } from './WebsitesPage';
import { savedParams } from '../lib/segments';

export default function EventsView({ site }: { site: Website }) {
  const range = useRange(site.id, site.createdAt);
  const { search } = useLocation();
  const filters = parseFilters(search);
  const fp = { ...filterParams(filters, search.get('match') === 'any'), ...savedParams(search) };
  const names = useApi<{ x: string; y: number }[]>(`/websites/${site.id}/metrics`, { ...range.params, ...fp, type: 'event', limit: 500 });
  const series = useApi<{ x: string; t: string; y: number }[]>(`/websites/${site.id}/events/series`, { ...range.params, ...fp });
  const selected = search.get('ev') ?? names.data?.[0]?.x ?? null;
  const chart = useMemo(() => {
    const labels = bucketLabels(range.startAt, range.endAt, range.unit, range.tz);
    return {
      labels: labels.map((l) => bucketLabel(l, range.unit)),
      series: eventSeries(series.data, labels).map((s) => ({ name: s.name, data: s.data, kind: 'bar' as const })),
    };
  }, [series.data, range]);
  const rows = withShares(names.data ?? []);
  return (
    <div>
      <div className="toolbar">
        <FilterBar websiteId={site.id} range={range} />
        <DateRangePicker range={range} />
      </div>
      {names.error && <ErrorBox error={names.error} onRetry={names.reload} />}
      {series.error && <ErrorBox error={series.error} onRetry={series.reload} />}
      <section className="card chart-card">
        <TimeChart labels={chart.labels} series={chart.series} />
      </section>
      <div className="grid2">
        <section className="card panel" aria-label={t('events.title')}>
          <h2 className="card-title">{t('events.title')}</h2>
          {!names.data && !names.error && <Spinner />}
          {names.data && rows.length === 0 && <Empty>{t('events.empty')}</Empty>}
          <ol className="metric-rows">
            {rows.map((r) => (
              <li className={'metric-row' + (r.x === selected ? ' selected' : '')} key={r.x}>
                <div className="bar" style={{ width: `${r.share * 100}%` }} aria-hidden="true" />
                <button className="row-label" aria-pressed={r.x === selected} onClick={() => setSearch({ ev: r.x }, { replace: true })}>
                  {r.x}
                </button>
                <span className="row-value">{formatNumber(r.y)}</span>
                <span className="row-share">{formatPercent(r.share)}</span>
              </li>
            ))}
          </ol>
        </section>
        {selected ? <EventProperties site={site} event={selected} range={range} fp={fp} /> : <Empty>{t('events.pickEvent')}</Empty>}
      </div>
    </div>
  );
}

function EventProperties({ site, event, range, fp }: { site: Website; event: string; range: ReturnType<typeof useRange>; fp: Record<string, string> }) {
  const q = useApi<{ eventName: string; propertyName: string; dataType: number; propertyValue: string; total: number }[]>(`/websites/${site.id}/event-data/events`, { startAt: range.startAt, endAt: range.endAt, ...fp, event });
  const props = propertyBreakdown(q.data);
  return (
    <section className="card panel" aria-label={t('events.properties')}>
      <h2 className="card-title">
        {t('events.properties')}: <code>{event}</code>
      </h2>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      {!q.data && !q.error && <Spinner />}
      {q.data && props.length === 0 && <p className="muted">{t('events.noProperties')}</p>}
      {props.map((p) => (
        <div key={p.name} className="prop-block">
          <h3 className="prop-name">
            {p.name} <span className="muted small">({formatNumber(p.total)})</span>
          </h3>
          <ol className="metric-rows">
            {p.values.slice(0, 10).map((v) => (
              <li className="metric-row" key={v.x}>
                <div className="bar" style={{ width: `${v.share * 100}%` }} aria-hidden="true" />
                <span className="row-label">{v.x}</span>
                <span className="row-value">{formatNumber(v.y)}</span>
                <span className="row-share">{formatPercent(v.share)}</span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
