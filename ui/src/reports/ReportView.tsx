import { useEffect, useState } from 'react';
import './reports.css';
import { api } from '../lib/api';
import { useApi, invalidate } from '../lib/cache';
import { filterParams, parseFilters } from '../lib/filters';
import { useLocation } from '../lib/router';
import { useRange } from '../lib/useRange';
import { DateRangePicker } from '../components/DateRangePicker';
import { FilterBar } from '../components/FilterBar';
import { ErrorBox, Spinner } from '../components/ui';
import type { Website } from '../pages/WebsitesPage';
import { ReportForm } from './ReportForm';
import { ReportResult } from './ReportResult';
import { DEFAULT_PARAMETERS, REPORT_VIEWS, reportBody, type ReportParameters } from './reportTypes';

type Saved = { id: string; name: string; type: string; parameters: ReportParameters };

/** One report page: the range and filters of the page, the report's parameters, its answer, and saved reports. */
export default function ReportView({ site, view }: { site: Website; view: string }) {
  const type = REPORT_VIEWS[view];
  const range = useRange(site.id, site.createdAt);
  const { search } = useLocation();
  const filters = filterParams(parseFilters(search), search.get('match') === 'any');
  const [parameters, setParameters] = useState<ReportParameters>(DEFAULT_PARAMETERS[type]);
  const [result, setResult] = useState<{ data?: unknown; error?: unknown; loading: boolean }>({ loading: false });
  const [name, setName] = useState('');
  const saved = useApi<{ data: Saved[] }>('/reports', { websiteId: site.id, type, pageSize: 100 });
  const body = JSON.stringify(reportBody(site.id, type, parameters, range.params, filters));

  useEffect(() => {
    setParameters(DEFAULT_PARAMETERS[type]);
    setResult({ loading: false });
  }, [type]);

  useEffect(() => {
    const ctl = new AbortController();
    setResult((r) => ({ ...r, loading: true }));
    api<unknown>(`/reports/${type}`, { body: JSON.parse(body), signal: ctl.signal })
      .then((data) => setResult({ data, loading: false }))
      .catch((error) => {
        if ((error as Error).name !== 'AbortError') setResult({ error, loading: false });
      });
    return () => ctl.abort();
  }, [body, type]);

  async function save() {
    await api('/reports', { body: { websiteId: site.id, type, name: name || type, parameters } });
    setName('');
    invalidate('/reports');
    saved.reload();
  }

  async function remove(id: string) {
    await api(`/reports/${id}`, { method: 'DELETE' });
    invalidate('/reports');
    saved.reload();
  }

  return (
    <div className="report-view">
      <div className="toolbar">
        <FilterBar websiteId={site.id} range={range} />
        <DateRangePicker range={range} />
      </div>
      <section className="card">
        <ReportForm type={type} value={parameters} onChange={setParameters} />
        <div className="report-saved">
          <input aria-label="Report name" placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="button" onClick={save}>
            Save report
          </button>
          {(saved.data?.data ?? []).map((s) => (
            <span key={s.id} className="report-chip">
              <button type="button" onClick={() => setParameters(s.parameters)}>
                {s.name}
              </button>
              <button type="button" className="icon-btn" aria-label={`Delete ${s.name}`} onClick={() => remove(s.id)}>
                ✕
              </button>
            </span>
          ))}
        </div>
      </section>
      <section className="card report-result">
        {result.loading && <Spinner />}
        {result.error !== undefined && <ErrorBox error={result.error} />}
        {!result.loading && result.data !== undefined && result.error === undefined && <ReportResult type={type} data={result.data} />}
      </section>
    </div>
  );
}
