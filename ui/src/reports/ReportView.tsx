import { useEffect, useRef, useState } from 'react';
import './reports.css';
import { t, type StringKey } from '../i18n';
import { api } from '../lib/api';
import { useApi, invalidate } from '../lib/cache';
import { filterParams, parseFilters } from '../lib/filters';
import { setSearch, useLocation } from '../lib/router';
import { useRange } from '../lib/useRange';
import { DateRangePicker } from '../components/DateRangePicker';
import { FilterBar } from '../components/FilterBar';
import { ErrorBox, Spinner } from '../components/ui';
import type { Website } from '../pages/WebsitesPage';
import { ReportForm } from './ReportForm';
import { CARD_RESULTS, ReportResult } from './ReportResult';
import { DEFAULT_PARAMETERS, REPORT_VIEWS, reportBody, type ReportParameters } from './reportTypes';

type Saved = { id: string; name: string; type: string; parameters: ReportParameters };

/**
 * One report page: the range and filters of the page, the report's parameters, its answer, and saved reports.
 * A saved report opens from its chip or from the URL (?report=<id>), so a link reopens it.
 */
export default function ReportView({ site, view }: { site: Website; view: string }) {
  const type = REPORT_VIEWS[view];
  const range = useRange(site.id, site.createdAt);
  const { search } = useLocation();
  const filters = filterParams(parseFilters(search), search.get('match') === 'any');
  const openId = search.get('report');
  const compare = search.get('compare') !== 'none';
  const [parameters, setParameters] = useState<ReportParameters>(DEFAULT_PARAMETERS[type]);
  const [result, setResult] = useState<{ data?: unknown; error?: unknown; loading: boolean; type?: string }>({ loading: false });
  const [name, setName] = useState('');
  const [notice, setNotice] = useState('');
  const [attempt, setAttempt] = useState(0);
  const saved = useApi<{ data: Saved[] }>('/reports', { websiteId: site.id, type, pageSize: 100 });
  const opened = useApi<Saved>(openId ? `/reports/${openId}` : null);
  const body = JSON.stringify(reportBody(site.id, type, parameters, range.params, filters));

  // The saved report whose parameters the form holds: a report opened by URL is loaded once; one just saved or
  // opened from its chip is already in the form, so its answer arriving later must not undo edits made meanwhile.
  const applied = useRef<string | null>(null);

  useEffect(() => {
    applied.current = null;
    setParameters(DEFAULT_PARAMETERS[type]);
    setResult({ loading: false });
  }, [type]);

  useEffect(() => {
    if (opened.data && opened.data.type === type && opened.data.id !== applied.current) {
      applied.current = opened.data.id;
      setParameters(opened.data.parameters);
      setName(opened.data.name);
    }
  }, [opened.data, type]);

  useEffect(() => {
    const ctl = new AbortController();
    setResult((r) => ({ ...r, loading: true }));
    api<unknown>(`/reports/${type}`, { body: JSON.parse(body), signal: ctl.signal })
      .then((data) => setResult({ data, loading: false, type }))
      .catch((error) => {
        if ((error as Error).name !== 'AbortError') setResult({ error, loading: false });
      });
    return () => ctl.abort();
  }, [body, type, attempt]);

  async function save() {
    const reportName = name.trim() || t(`nav.${view}` as StringKey);
    const created = await api<Saved>('/reports', { body: { websiteId: site.id, type, name: reportName, parameters } });
    setNotice(t('report.savedAs', { name: reportName }));
    invalidate('/reports');
    saved.reload();
    if (created?.id) {
      applied.current = created.id;
      setSearch({ report: created.id });
    }
  }

  async function remove(id: string) {
    await api(`/reports/${id}`, { method: 'DELETE' });
    invalidate('/reports');
    saved.reload();
    if (openId === id) setSearch({ report: null });
  }

  const list = saved.data?.data ?? [];
  return (
    <div className="report-view" data-report-view={type}>
      <div className="toolbar">
        <FilterBar websiteId={site.id} range={range} />
        <DateRangePicker range={range} />
      </div>
      <section className="card" aria-label={t('report.parameters')}>
        <ReportForm type={type} value={parameters} onChange={setParameters} />
        {type === 'revenue' && (
          <label className="report-compare">
            {t('report.compare')}{' '}
            <select value={compare ? 'prev' : 'none'} onChange={(e) => setSearch({ compare: e.target.value === 'prev' ? null : 'none' })}>
              <option value="prev">{t('report.compare.prev')}</option>
              <option value="none">{t('report.compare.none')}</option>
            </select>
          </label>
        )}
        <div className="report-saved" aria-label={t('report.saved')}>
          <input aria-label={t('report.name')} placeholder={t('report.namePlaceholder')} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          <button type="button" className="btn" onClick={save}>
            {t('report.save')}
          </button>
          {notice && (
            <span className="report-notice" role="status">
              {notice}
            </span>
          )}
          {saved.data && list.length === 0 && <span className="report-none">{t('report.noSaved')}</span>}
          {list.map((s) => (
            <span key={s.id} className={'report-chip' + (s.id === openId ? ' active' : '')}>
              <button type="button" className="report-chip-name" title={s.name} aria-label={t('report.open', { name: s.name })} onClick={() => {
                  applied.current = s.id;
                  setParameters(s.parameters);
                  setName(s.name);
                  setSearch({ report: s.id });
                }}>
                {s.name}
              </button>
              <button type="button" className="icon-btn" aria-label={t('report.delete', { name: s.name })} onClick={() => remove(s.id)}>
                ✕
              </button>
            </span>
          ))}
        </div>
      </section>
      {/* Results made of their own cards (lists, charts) are not boxed in one more card. */}
      <section className={'report-result ' + (CARD_RESULTS.has(type) && result.data !== undefined && result.error === undefined ? 'plain' : 'card')} aria-busy={result.loading}>
        {result.loading && result.data === undefined && <Spinner />}
        {result.error !== undefined && <ErrorBox error={result.error} onRetry={() => setAttempt((n) => n + 1)} />}
        {result.data !== undefined && result.error === undefined && result.type === type && (
          <div className={result.loading ? 'stale' : undefined}>
            <ReportResult type={type} data={result.data} range={{ ...range.params, tz: range.tz }} currency={String(parameters.currency ?? 'USD')} compare={compare} parameters={parameters} />
          </div>
        )}
      </section>
    </div>
  );
}
