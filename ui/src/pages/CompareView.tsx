import { useMemo } from 'react';
import { t, type StringKey } from '../i18n';
import { useApi } from '../lib/cache';
import { compareRows, rangeB, type CompareMode, type Row } from '../lib/compare';
import { filterParams, parseFilters } from '../lib/filters';
import { changeLabel, displayName, formatNumber, formatStat, statCards, type Stats } from '../lib/format';
import { setSearch, useLocation } from '../lib/router';
import { savedParams } from '../lib/segments';
import { useRange } from '../lib/useRange';
import { toYmd } from '../lib/dates';
import { DateRangePicker } from '../components/DateRangePicker';
import { FilterBar } from '../components/FilterBar';
import { ErrorBox } from '../components/ui';
import type { Website } from './WebsitesPage';
import './mapAndCompare.css';

const NAMES: StringKey[] = ['overview.visitors', 'overview.visits', 'overview.views', 'overview.bounceRate', 'overview.visitDuration'];
const LISTS = ['path', 'entry', 'exit', 'title', 'referrer', 'channel', 'browser', 'os', 'device', 'country', 'region', 'city', 'language', 'event', 'utmSource', 'utmCampaign'];
const STAT_KEYS = ['visitors', 'visits', 'views', 'bounceRate', 'visitDuration'];
const MODES: CompareMode[] = ['prev', 'yoy', 'custom'];

/**
 * Compare (Umami's "Compare"): range A (the page's range) against range B (previous period, previous year or
 * custom days) — the five stats and two top lists side by side with the change. Everything is in the URL:
 * cmp=prev|yoy|custom, bfrom/bto for custom, left/right for the lists.
 */
export default function CompareView({ site }: { site: Website }) {
  const range = useRange(site.id, site.createdAt);
  const { search } = useLocation();
  const filters = parseFilters(search);
  const fp = { ...filterParams(filters, search.get('match') === 'any'), ...savedParams(search) };
  const mode = (MODES as string[]).includes(search.get('cmp') ?? '') ? (search.get('cmp') as CompareMode) : 'prev';
  const b = useMemo(() => rangeB(range, mode, range.tz, search.get('bfrom'), search.get('bto')), [range, mode, search]);
  const statsA = useApi<Stats>(`/websites/${site.id}/stats`, { startAt: range.startAt, endAt: range.endAt, ...fp });
  const statsB = useApi<Stats>(`/websites/${site.id}/stats`, { startAt: b.startAt, endAt: b.endAt, ...fp });
  // Each column is drawn as soon as its own answer is in (the change once both are): the table is never as
  // slow as the slower range.
  const colA = statsA.data ? statCards(statsA.data, statsA.data) : null;
  const colB = statsB.data ? statCards(statsB.data, statsB.data) : null;
  const cards = statsA.data && statsB.data ? statCards(statsA.data, statsB.data) : null;
  const hours = range.unit === 'hour' || range.unit === 'minute';
  const fmt = useMemo(() => new Intl.DateTimeFormat('en', { timeZone: range.tz, month: 'short', day: 'numeric', year: 'numeric', ...(hours ? { hour: 'numeric', minute: '2-digit' } : {}) }), [range.tz, hours]);
  const span = (s: { startAt: number; endAt: number }) => `${fmt.format(s.startAt)} – ${fmt.format(s.endAt)}`;

  return (
    <div className="compare-view">
      <div className="toolbar">
        <FilterBar websiteId={site.id} range={range} />
        <DateRangePicker range={range} />
      </div>
      <div className="compare-ranges">
        <section className="card compare-range">
          <h2>{t('compare.rangeA')}</h2>
          {/* Where range A comes from, in the line B's choice takes: the two cards' dates line up, no gap under A's. */}
          <div className="row">
            <span className="range-source">{t('compare.pageRange')}</span>
          </div>
          <span className="range-text" data-testid="range-a">{span(range)}</span>
        </section>
        <section className="card compare-range">
          <h2>{t('compare.rangeB')}</h2>
          <div className="row">
            <select aria-label={t('compare.rangeB')} value={mode} onChange={(e) => setSearch({ cmp: e.target.value === 'prev' ? null : e.target.value, ...(e.target.value === 'custom' ? { bfrom: toYmd(b.startAt, range.tz), bto: toYmd(b.endAt, range.tz) } : { bfrom: null, bto: null }) })}>
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {t(('compare.mode.' + m) as StringKey)}
                </option>
              ))}
            </select>
            {mode === 'custom' && (
              <>
                <input type="date" aria-label={t('compare.from')} value={search.get('bfrom') ?? ''} onChange={(e) => setSearch({ bfrom: e.target.value })} />
                <input type="date" aria-label={t('compare.to')} value={search.get('bto') ?? ''} onChange={(e) => setSearch({ bto: e.target.value })} />
              </>
            )}
          </div>
          <span className="range-text" data-testid="range-b">{span(b)}</span>
        </section>
      </div>
      {(statsA.error || statsB.error) && <ErrorBox error={statsA.error ?? statsB.error} onRetry={() => (statsA.reload(), statsB.reload())} />}
      <section className={'card' + (statsA.loading || statsB.loading ? ' stale' : '')}>
        <table className="compare-table" data-testid="compare-stats">
          <colgroup>
            <col className="label" />
            <col />
            <col />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>{t('compare.metric')}</th>
              <th>A</th>
              <th>B</th>
              <th>{t('compare.change')}</th>
            </tr>
          </thead>
          <tbody>
            {NAMES.map((n, i) => {
              const c = cards?.[i];
              const a = colA?.[i];
              const bv = colB?.[i];
              const tone = !c || c.change === null || c.change === 0 ? '' : (c.change > 0) === (c.good === 'up') ? 'good' : 'bad';
              return (
                <tr key={n} data-stat={STAT_KEYS[i]}>
                  <td>{t(n)}</td>
                  <td className="a">{a ? formatStat(a.kind, a.value) : '…'}</td>
                  <td className="b">{bv ? formatStat(bv.kind, bv.value) : '…'}</td>
                  <td className={'change ' + tone}>{c ? changeLabel(c.change) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <div className="compare-panels">
        <CompareList site={site} param="left" fallback="path" a={range} b={b} fp={fp} params={range.params} />
        <CompareList site={site} param="right" fallback="referrer" a={range} b={b} fp={fp} params={range.params} />
      </div>
    </div>
  );
}

function CompareList({ site, param, fallback, a, b, fp, params }: {
  site: Website; param: string; fallback: string; a: { startAt: number; endAt: number }; b: { startAt: number; endAt: number }; fp: Record<string, string>; params: Record<string, string | number>;
}) {
  const { search } = useLocation();
  const type = LISTS.includes(search.get(param) ?? '') ? search.get(param)! : fallback;
  // The lists wait for the stats table's two calls (deferred): sent together, the six calls shared the server
  // and the table's numbers came last (a loaded machine: "…" for 6 s while one call alone took 0.6 s).
  const qa = useApi<Row[]>(`/websites/${site.id}/metrics`, { ...params, ...fp, startAt: a.startAt, endAt: a.endAt, type, limit: 10 }, undefined, true);
  const qb = useApi<Row[]>(`/websites/${site.id}/metrics`, { ...params, ...fp, startAt: b.startAt, endAt: b.endAt, type, limit: 10 }, undefined, true);
  const rows = useMemo(() => compareRows(qa.data ?? [], qb.data ?? []), [qa.data, qb.data]);
  const ready = qa.data && qb.data;
  return (
    <section className={'card' + (qa.loading || qb.loading ? ' stale' : '')} data-testid={`compare-${param}`}>
      <select aria-label={t('compare.list')} value={type} onChange={(e) => setSearch({ [param]: e.target.value })}>
        {LISTS.map((l) => (
          <option key={l} value={l}>
            {t(('metric.' + l) as StringKey)}
          </option>
        ))}
      </select>
      {(qa.error || qb.error) && <ErrorBox error={qa.error ?? qb.error} />}
      {ready && rows.length === 0 ? (
        <p className="empty">{t('compare.noData')}</p>
      ) : (
        <table className="compare-table">
          <colgroup>
            <col className="label" />
            <col />
            <col />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>{t(('metric.' + type) as StringKey)}</th>
              <th>A</th>
              <th>B</th>
              <th>{t('compare.change')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.x}>
                <td title={r.x}>{displayName(type, r.x)}</td>
                <td className="a">{formatNumber(r.a)}</td>
                <td className="b">{formatNumber(r.b)}</td>
                <td className={'change ' + (r.change === null || r.change === 0 ? '' : r.change > 0 ? 'good' : 'bad')}>{changeLabel(r.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
