import { useState } from 'react';
import { t, type StringKey } from '../i18n';
import { useApi } from '../lib/cache';
import { api } from '../lib/api';
import { displayName, flag, formatDuration, formatNumber, formatPercent } from '../lib/format';
import { METRIC_FILTER, filterParams, rowFilter, withFilter, type Filter } from '../lib/filters';
import { setSearch, useLocation } from '../lib/router';
import { withShares } from '../lib/series';
import { toCsv, download } from '../lib/csv';
import type { RangeState } from '../lib/useRange';
import { Empty, ErrorBox, Modal, Pager, Spinner } from './ui';
import { savedParams } from '../lib/segments';

type Row = { x: string | null; y: number; country?: string };
/** The world map's limit (MapCard): more than there are countries. */
export const COUNTRY_LIMIT = 300;

/** Clicking a row filters the whole view by it (eq), replacing any filter on that column. */
export function filterBy(type: string, value: string | null, extra: Record<string, string | null> = {}) {
  const f = value === null ? null : rowFilter(type, value);
  if (!f) return;
  setSearch({ ...withFilter(f), offset: null, ...extra });
}

export function MetricPanel({ id, title, types, websiteId, range, filters, total }: {
  id: string; title: string; types: string[]; websiteId: string; range: RangeState; filters: Filter[]; total?: number;
}) {
  const { search } = useLocation();
  const type = types.includes(search.get(id) ?? '') ? search.get(id)! : types[0];
  const [more, setMore] = useState(false);
  // Countries: the map's own call (every country, same order: visitors, then code), so one request serves both.
  const limit = type === 'country' ? COUNTRY_LIMIT : 10;
  const params = { ...range.params, ...filterParams(filters, search.get('match') === 'any'), ...savedParams(search), type, limit };
  const q = useApi<Row[]>(`/websites/${websiteId}/metrics`, params);
  const isCount = type === 'event';
  // Umami never lists a row for a missing value; some Footfall answers still carry {x: null}: not shown.
  const present = (q.data ?? []).filter((r) => r.x !== null && r.x !== '').slice(0, 10);
  const rows = withShares(present, isCount || !total ? undefined : Math.max(total, ...present.map((r) => r.y)));
  return (
    <section className={'card panel' + (q.loading && q.data ? ' stale' : '')} aria-label={title} aria-busy={q.loading}>
      <div
        className="tabs"
        role="tablist"
        aria-label={title}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
          const el = e.currentTarget;
          const i = types.indexOf(type);
          const next = types[(i + (e.key === 'ArrowRight' ? 1 : types.length - 1)) % types.length];
          setSearch({ [id]: next === types[0] ? null : next }, { replace: true });
          requestAnimationFrame(() => (el.querySelector(`[data-tab="${next}"]`) as HTMLElement | null)?.focus());
        }}
      >
        {types.map((tp) => (
          <button key={tp} role="tab" data-tab={tp} tabIndex={tp === type ? 0 : -1} aria-selected={tp === type} className={tp === type ? 'tab active' : 'tab'} onClick={() => setSearch({ [id]: tp === types[0] ? null : tp }, { replace: true })}>
            {t(('metric.' + tp) as StringKey)}
          </button>
        ))}
      </div>
      <div className="panel-head">
        <span />
        <span>{isCount ? t('metric.eventCount') : t('metric.count')}</span>
      </div>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      {!q.data && !q.error && <Spinner />}
      {q.data && rows.length === 0 && <Empty>{t('common.none')}</Empty>}
      <ol className="metric-rows">
        {rows.map((r, i) => (
          <MetricRow key={(r.x ?? '') + i} type={type} row={r} />
        ))}
      </ol>
      {rows.length > 0 && (
        <div className="panel-foot">
          <button className="btn small" onClick={() => setMore(true)}>
            {t('common.more')} →
          </button>
        </div>
      )}
      {more && <MoreDialog type={type} websiteId={websiteId} range={range} filters={filters} onClose={() => setMore(false)} />}
    </section>
  );
}

function MetricRow({ type, row }: { type: string; row: Row & { share: number } }) {
  const name = displayName(type, row.x, { country: row.country });
  const clickable = !!METRIC_FILTER[type] && row.x !== null;
  const prefix = type === 'country' ? flag(row.x) + ' ' : type === 'region' || type === 'city' ? flag(row.country ?? row.x?.split('-')[0]) + ' ' : '';
  return (
    <li className="metric-row">
      <div className="bar" style={{ width: `${Math.min(100, row.share * 100)}%` }} aria-hidden="true" />
      {clickable ? (
        <button className="row-label" title={t('metric.filterBy', { name })} onClick={() => filterBy(type, row.x)}>
          {prefix}
          {name}
        </button>
      ) : (
        <span className="row-label">{prefix + name}</span>
      )}
      <span className="row-value">{formatNumber(row.y)}</span>
      <span className="row-share">{formatPercent(row.share)}</span>
    </li>
  );
}

type Expanded = { name: string; pageviews: number; visitors: number; visits: number; bounces: number; totaltime: number };
const PAGE = 25;

function MoreDialog({ type, websiteId, range, filters, onClose }: { type: string; websiteId: string; range: RangeState; filters: Filter[]; onClose: () => void }) {
  const { search: url } = useLocation();
  const [page, setPage] = useState(1);
  const [search, setSearchText] = useState('');
  const base = { ...range.params, ...filterParams(filters, url.get('match') === 'any'), ...savedParams(url), type };
  const q = useApi<Expanded[]>(`/websites/${websiteId}/metrics/expanded`, { ...base, search, limit: PAGE + 1, offset: (page - 1) * PAGE });
  const rows = (q.data ?? []).slice(0, PAGE);
  const hasNext = (q.data ?? []).length > PAGE;
  const csv = async () => {
    const all = await api<Expanded[]>(`/websites/${websiteId}/metrics/expanded`, { params: { ...base, search, limit: 100000 } });
    download(
      `${type}.csv`,
      toCsv(['name', 'visitors', 'visits', 'views', 'bounces', 'totaltime'], all.map((r) => [r.name, r.visitors, r.visits, r.pageviews, r.bounces, r.totaltime])),
    );
  };
  return (
    <Modal title={t(('metric.' + type) as StringKey)} onClose={onClose} wide>
      <div className="more-tools">
        <input type="search" placeholder={t('common.search')} aria-label={t('common.search')} value={search} onChange={(e) => (setSearchText(e.target.value), setPage(1))} />
        <button className="btn small" onClick={csv}>
          ⤓ {t('common.downloadCsv')}
        </button>
      </div>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t(('metric.' + type) as StringKey)}</th>
              <th className="num">{t('metric.count')}</th>
              <th className="num">{t('metric.visits')}</th>
              <th className="num">{t('metric.views')}</th>
              <th className="num">{t('metric.bounce')}</th>
              <th className="num">{t('metric.duration')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.name + i}>
                <td className="wrap">
                  {METRIC_FILTER[type] ? (
                    <button className="row-label" onClick={() => (filterBy(type, r.name), onClose())}>
                      {displayName(type, r.name)}
                    </button>
                  ) : (
                    displayName(type, r.name)
                  )}
                </td>
                <td className="num">{formatNumber(r.visitors)}</td>
                <td className="num">{formatNumber(r.visits)}</td>
                <td className="num">{formatNumber(r.pageviews)}</td>
                <td className="num">{r.visits ? formatPercent(Math.min(1, r.bounces / r.visits)) : '–'}</td>
                <td className="num">{r.visits ? formatDuration(r.totaltime / r.visits) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!q.data && !q.error && <Spinner />}
      {q.data && rows.length === 0 && <Empty>{t('common.none')}</Empty>}
      <Pager page={page} pageSize={PAGE} count={hasNext ? page * PAGE + 1 : (page - 1) * PAGE + rows.length} onPage={setPage} />
    </Modal>
  );
}
