import { useState } from 'react';
import { t } from '../i18n';
import { useApi } from '../lib/cache';
import { countryName, displayName, flag, formatDuration, formatNumber } from '../lib/format';
import { filterParams, parseFilters } from '../lib/filters';
import { Link, setSearch, useLocation } from '../lib/router';
import { useRange } from '../lib/useRange';
import { DateRangePicker } from '../components/DateRangePicker';
import { FilterBar } from '../components/FilterBar';
import { Empty, ErrorBox, Pager, Spinner } from '../components/ui';
import type { Website } from './WebsitesPage';
import { Heatmap } from './OverviewView';
import { savedParams } from '../lib/segments';

type SessionRow = { id: string; hostname: string; browser: string | null; os: string | null; device: string | null; country: string | null; region: string | null; city: string | null; firstAt: string; lastAt: string; visits: number; views: number; events: number; distinctId?: string | null };
const PAGE_SIZE = 20;

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
const place = (s: { country: string | null; region?: string | null; city: string | null }) =>
  [s.city, s.country ? countryName(s.country) : null].filter(Boolean).join(', ') || '–';

export default function SessionsView({ site, sessionId }: { site: Website; sessionId?: string }) {
  if (sessionId) return <SessionProfile site={site} sessionId={sessionId} />;
  return <SessionList site={site} />;
}

function SessionList({ site }: { site: Website }) {
  const range = useRange(site.id, site.createdAt);
  const { search } = useLocation();
  const filters = parseFilters(search);
  const page = Math.max(1, Number(search.get('page')) || 1);
  const text = search.get('search') ?? '';
  const [draft, setDraft] = useState(text);
  const q = useApi<{ data: SessionRow[]; count: number }>(`/websites/${site.id}/sessions`, {
    startAt: range.startAt, endAt: range.endAt, ...filterParams(filters, search.get('match') === 'any'), ...savedParams(search), page, pageSize: PAGE_SIZE, search: text,
  });
  const qs = search.toString();
  return (
    <div>
      <div className="toolbar">
        <FilterBar websiteId={site.id} range={range} />
        <DateRangePicker range={range} />
      </div>
      <form className="search-row" onSubmit={(e) => (e.preventDefault(), setSearch({ search: draft, page: null }))}>
        <input type="search" aria-label={t('sessions.search')} placeholder={t('sessions.search')} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button className="btn" type="submit">
          {t('common.search')}
        </button>
      </form>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      {!q.data && !q.error && <Spinner />}
      {q.data && q.data.data.length === 0 && <Empty>{t('sessions.empty')}</Empty>}
      {q.data && q.data.data.length > 0 && (
        <div className="card table-wrap">
          <table className="table sessions">
            <thead>
              <tr>
                <th>{t('sessions.profile')}</th>
                <th>{t('sessions.location')}</th>
                <th className="num">{t('sessions.visits')}</th>
                <th className="num">{t('sessions.views')}</th>
                <th className="num">{t('sessions.events')}</th>
                <th>{t('sessions.lastSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.data.map((s) => (
                <tr key={s.id + s.hostname}>
                  <td>
                    <Link to={`/websites/${site.id}/sessions/${s.id}${qs ? '?' + qs : ''}`}>
                      {displayName('browser', s.browser)} · {s.os ?? '–'} · {displayName('device', s.device)}
                    </Link>
                    {s.distinctId && <div className="muted small">{s.distinctId}</div>}
                  </td>
                  <td>
                    {flag(s.country)} {place(s)}
                  </td>
                  <td className="num">{formatNumber(s.visits)}</td>
                  <td className="num">{formatNumber(s.views)}</td>
                  <td className="num">{formatNumber(s.events)}</td>
                  <td>{when(s.lastAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {q.data && <Pager page={page} pageSize={PAGE_SIZE} count={q.data.count} onPage={(p) => setSearch({ page: p === 1 ? null : String(p) })} />}
      <div className="spaced">
        <Heatmap site={site} range={range} fp={{ ...filterParams(filters, search.get('match') === 'any'), ...savedParams(search) }} />
      </div>
    </div>
  );
}

type Detail = SessionRow & { distinctId: string | null; screen: string | null; language: string | null; totaltime: number };
type Activity = { createdAt: string; urlPath: string | null; urlQuery: string | null; referrerDomain: string | null; eventId: string; eventType: number; eventName: string | null; visitId: string; hasData: number };
type Property = { dataKey?: string; propertyName?: string; stringValue?: string | null; numberValue?: number | null; value?: string; dataType?: number };

function SessionProfile({ site, sessionId }: { site: Website; sessionId: string }) {
  const { search } = useLocation();
  const d = useApi<Detail | Record<string, never>>(`/websites/${site.id}/sessions/${sessionId}`);
  const activity = useApi<Activity[]>(`/websites/${site.id}/sessions/${sessionId}/activity`);
  const props = useApi<Property[]>(`/websites/${site.id}/sessions/${sessionId}/properties`);
  const back = `/websites/${site.id}/sessions${search.toString() ? '?' + search.toString() : ''}`;
  if (d.error) return <ErrorBox error={d.error} onRetry={d.reload} />;
  if (!d.data) return <Spinner />;
  if (!('id' in d.data)) return <Empty>{t('common.notFound')}</Empty>;
  const s = d.data as Detail;
  return (
    <div className="session-profile">
      <Link to={back} className="back">
        ‹ {t('sessions.title')}
      </Link>
      <div className="grid2">
        <section className="card" aria-label={t('sessions.profile')}>
          <h2>
            {t('sessions.profile')} <code className="muted small">{s.id.slice(0, 8)}</code>
          </h2>
          <dl className="kv" data-testid="session-detail">
            <dt>{t('sessions.device')}</dt>
            <dd>
              {displayName('browser', s.browser)} · {s.os ?? '–'} · {displayName('device', s.device)} {s.screen ? `(${s.screen})` : ''}
            </dd>
            <dt>{t('sessions.location')}</dt>
            <dd>
              {flag(s.country)} {[s.city, s.region, s.country ? countryName(s.country) : null].filter(Boolean).join(', ') || '–'}
            </dd>
            <dt>{t('settings.language')}</dt>
            <dd>{s.language ?? '–'}</dd>
            <dt>{t('sessions.firstSeen')}</dt>
            <dd>{when(s.firstAt)}</dd>
            <dt>{t('sessions.lastSeen')}</dt>
            <dd>{when(s.lastAt)}</dd>
            <dt>{t('sessions.visits')}</dt>
            <dd>{s.visits}</dd>
            <dt>{t('sessions.views')}</dt>
            <dd data-testid="session-views">{s.views}</dd>
            <dt>{t('sessions.events')}</dt>
            <dd>{s.events}</dd>
            <dt>{t('sessions.duration')}</dt>
            <dd>{formatDuration(s.totaltime)}</dd>
            <dt>{t('sessions.distinctId')}</dt>
            <dd>{s.distinctId ?? '–'}</dd>
          </dl>
        </section>
        <section className="card" aria-label={t('sessions.properties')}>
          <h2>{t('sessions.properties')}</h2>
          {props.error && <ErrorBox error={props.error} />}
          {props.data && props.data.length === 0 && <p className="muted">{t('sessions.noProperties')}</p>}
          <dl className="kv">
            {(props.data ?? []).map((p, i) => (
              <PropertyRow key={i} p={p} />
            ))}
          </dl>
        </section>
      </div>
      <section className="card" aria-label={t('sessions.activity')}>
        <h2>{t('sessions.activity')}</h2>
        {activity.error && <ErrorBox error={activity.error} />}
        {!activity.data && !activity.error && <Spinner />}
        <ol className="timeline" data-testid="activity">
          {(activity.data ?? []).map((a, i, all) => (
            <li key={a.eventId} className={i > 0 && all[i - 1].visitId !== a.visitId ? 'visit-break' : ''}>
              <time dateTime={a.createdAt}>{new Date(a.createdAt).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })}</time>
              <span aria-hidden="true" className={a.eventType === 2 ? 'mark event' : 'mark view'}>{a.eventType === 2 ? '⚡' : '●'}</span>
              <span className="what">
                {a.eventType === 2 ? (
                  <>
                    <b>{a.eventName}</b> <span className="muted">{a.urlPath}</span>
                  </>
                ) : (
                  <>
                    {a.urlPath}
                    {a.urlQuery ? <span className="muted">?{a.urlQuery}</span> : null}
                    {a.referrerDomain && <span className="muted"> ← {a.referrerDomain}</span>}
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function PropertyRow({ p }: { p: Property }) {
  const key = p.dataKey ?? p.propertyName ?? '';
  const value = p.value ?? p.stringValue ?? (p.numberValue !== null && p.numberValue !== undefined ? String(p.numberValue) : '');
  return (
    <>
      <dt>{key}</dt>
      <dd>{value}</dd>
    </>
  );
}
