import { useState, type FormEvent } from 'react';
import { t } from '../i18n';
import { api } from '../lib/api';
import { invalidate, useApi } from '../lib/cache';
import { formatNumber } from '../lib/format';
import { Link, navigate } from '../lib/router';
import { fillSeries } from '../lib/series';
import { bucketLabels } from '../lib/dates';
import { useRange, type RangeState } from '../lib/useRange';
import { DateRangePicker } from '../components/DateRangePicker';
import { Empty, ErrorBox, Modal, Sparkline, Spinner } from '../components/ui';

export type Website = { id: string; name: string; domain: string; createdAt: string; shareId?: string | null };
type Page<T> = { data: T[]; count: number; page: number; pageSize: number };

export function WebsitesPage() {
  const range = useRange();
  const list = useApi<Page<Website>>('/websites', { pageSize: 200, includeTeams: true });
  const [adding, setAdding] = useState(false);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('websites.title')}</h1>
        <div className="page-actions">
          <DateRangePicker range={range} showZone={false} />
          <button className="btn primary" onClick={() => setAdding(true)}>
            + {t('websites.add')}
          </button>
        </div>
      </div>
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Spinner />}
      {list.data && list.data.data.length === 0 && (
        <Empty>
          <p>{t('websites.empty')}</p>
          <button className="btn primary" onClick={() => setAdding(true)}>
            + {t('websites.add')}
          </button>
        </Empty>
      )}
      {list.data && list.data.data.length > 0 && (
        <ul className="site-list">
          {list.data.data.map((w) => (
            <SiteRow key={w.id} site={w} range={range} />
          ))}
        </ul>
      )}
      {adding && <WebsiteForm onClose={() => setAdding(false)} onSaved={(w) => navigate(`/websites/${w.id}/settings`)} />}
    </div>
  );
}

function SiteRow({ site, range }: { site: Website; range: RangeState }) {
  const stats = useApi<{ pageviews: number; visitors: number }>(`/websites/${site.id}/stats`, { startAt: range.startAt, endAt: range.endAt });
  const unit = range.unit === 'minute' ? 'hour' : range.unit;
  const series = useApi<{ pageviews: { x: string; y: number }[] }>(`/websites/${site.id}/pageviews`, { ...range.params, unit });
  const labels = bucketLabels(range.startAt, range.endAt, unit, range.tz);
  return (
    <li className="site-row card">
      <div className="site-name">
        <Link to={`/websites/${site.id}`} className="site-link">
          {site.name}
        </Link>
        <span className="muted">{site.domain}</span>
      </div>
      <Sparkline values={fillSeries(series.data?.pageviews, labels)} label={`${site.name} views`} />
      <div className="site-num">
        <strong>{stats.data ? formatNumber(stats.data.visitors) : '…'}</strong>
        <span className="muted">{t('websites.visitors')}</span>
      </div>
      <div className="site-num">
        <strong>{stats.data ? formatNumber(stats.data.pageviews) : '…'}</strong>
        <span className="muted">{t('websites.views')}</span>
      </div>
      <Link to={`/websites/${site.id}/settings`} className="btn small">
        {t('websites.settings')}
      </Link>
    </li>
  );
}

export function WebsiteForm({ site, onClose, onSaved }: { site?: Website; onClose: () => void; onSaved: (w: Website) => void }) {
  const [name, setName] = useState(site?.name ?? '');
  const [domain, setDomain] = useState(site?.domain ?? '');
  const [teamId, setTeamId] = useState('');
  const teams = useApi<Page<{ id: string; name: string }>>(site ? null : '/me/teams', { pageSize: 200 });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const cleaned = domain.trim().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
      const w = await api<Website>(site ? `/websites/${site.id}` : '/websites', { body: { name: name.trim(), domain: cleaned, ...(teamId ? { teamId } : {}) } });
      invalidate('/websites');
      onSaved(w);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={site ? t('websites.edit') : t('websites.add')} onClose={onClose}>
      <form onSubmit={submit} className="form">
        {error != null && <ErrorBox error={error} />}
        <label>
          {t('websites.name')}
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
        </label>
        <label>
          {t('websites.domain')}
          <input name="domain" value={domain} onChange={(e) => setDomain(e.target.value)} maxLength={500} placeholder="example.com" required />
        </label>
        {!site && (teams.data?.data.length ?? 0) > 0 && (
          <label>
            {t('teams.team')}
            <select name="teamId" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">{t('teams.personal')}</option>
              {teams.data!.data.map((tm) => (
                <option key={tm.id} value={tm.id}>
                  {tm.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
