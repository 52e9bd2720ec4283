import { useState, type FormEvent } from 'react';
import { t } from '../i18n';
import { api } from '../lib/api';
import { invalidate, useApi } from '../lib/cache';
import { Link } from '../lib/router';
import { describe, type Segment } from '../lib/segments';
import { Empty, ErrorBox, FormActions, Modal, Pager, Spinner } from '../components/ui';
import type { Website } from './WebsitesPage';

// Audience → Segments / Cohorts: the saved ones of a website, applied with a click (the overview with
// segment=<id> / cohort=<id>), deleted after a confirmation; cohorts can be added here.

const PAGE = 20;
const RANGES = ['7day', '30day', '90day', '0month', '6month', '12month', 'all'];

export default function SegmentsView({ site, type }: { site: Website; type: 'segment' | 'cohort' }) {
  const [page, setPage] = useState(1);
  const q = useApi<{ data: Segment[]; count: number }>(`/websites/${site.id}/segments`, { type, page, pageSize: PAGE });
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reload = () => {
    invalidate(`/websites/${site.id}/segments`);
    q.reload();
  };
  return (
    <div className="segments-view">
      <div className="page-head">
        <h2>{t(type === 'segment' ? 'nav.segments' : 'nav.cohorts')}</h2>
        {type === 'cohort' && (
          <button className="btn primary" onClick={() => setAdding(true)}>
            + {t('cohorts.add')}
          </button>
        )}
      </div>
      {(q.error != null || error != null) && <ErrorBox error={q.error ?? error} onRetry={q.reload} />}
      {!q.data && !q.error && <Spinner />}
      {q.data && q.data.data.length === 0 && (
        <Empty>
          <p>{t(type === 'segment' ? 'segments.emptySegment' : 'segments.emptyCohort')}</p>
        </Empty>
      )}
      {q.data && q.data.data.length > 0 && (
        <div className="card table-wrap">
          <table className="table" data-testid="segments">
            <thead>
              <tr>
                <th>{t('segments.name')}</th>
                <th>{t('segments.keeps')}</th>
                <th>{t('segments.created')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {q.data.data.map((s) => (
                <tr key={s.id}>
                  <td className="wrap">
                    <Link to={`/websites/${site.id}?${type}=${s.id}`}>{s.name}</Link>
                  </td>
                  <td className="wrap muted">{describe(s.parameters)}</td>
                  <td>{new Date(s.createdAt).toLocaleDateString()}</td>
                  <td className="num nowrap">
                    <Link className="btn small" to={`/websites/${site.id}?${type}=${s.id}`}>
                      {t('segments.apply')}
                    </Link>{' '}
                    <button className="btn small danger" onClick={() => setDeleting(s)}>
                      {t('common.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} pageSize={PAGE} count={q.data.count} onPage={setPage} />
        </div>
      )}
      {adding && <CohortForm site={site} onClose={() => setAdding(false)} onSaved={reload} />}
      {deleting && (
        <Modal title={t('common.delete')} onClose={() => setDeleting(null)}>
          <p>{t('segments.deleteConfirm', { name: deleting.name })}</p>
          <div className="form-actions">
            <button className="btn" onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </button>
            <button
              className="btn danger"
              onClick={async () => {
                setError(null);
                try {
                  await api(`/websites/${site.id}/segments/${deleting.id}`, { method: 'DELETE' });
                  reload();
                } catch (e) {
                  setError(e);
                }
                setDeleting(null);
              }}
            >
              {t('common.delete')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}

function CohortForm({ site, onClose, onSaved }: { site: Website; onClose: () => void; onSaved: () => void }) {
  const [name, setName] = useState('');
  const [actionType, setActionType] = useState('path');
  const [value, setValue] = useState('');
  const [dateRange, setDateRange] = useState('30day');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/websites/${site.id}/segments`, { body: { type: 'cohort', name: name.trim(), parameters: { action: { type: actionType, value: value.trim() }, dateRange, filters: [], match: 'all' } } });
      onSaved();
      onClose();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal title={t('cohorts.add')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {error != null && <ErrorBox error={error} />}
        <label>
          {t('segments.name')}
          <input name="cohortName" value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('cohorts.actionType')}
          <select name="actionType" value={actionType} onChange={(e) => setActionType(e.target.value)}>
            <option value="path">{t('cohorts.action.path')}</option>
            <option value="event">{t('cohorts.action.event')}</option>
          </select>
        </label>
        <label>
          {t('cohorts.value')}
          <input name="actionValue" value={value} required placeholder={actionType === 'path' ? '/pricing' : 'signup'} onChange={(e) => setValue(e.target.value)} />
        </label>
        <label>
          {t('cohorts.dateRange')}
          <select name="dateRange" value={dateRange} onChange={(e) => setDateRange(e.target.value)}>
            {RANGES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <FormActions onCancel={onClose} submit={t('common.save')} />
      </form>
    </Modal>
  );
}
