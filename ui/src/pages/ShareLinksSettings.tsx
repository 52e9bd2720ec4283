import { useState, type FormEvent } from 'react';
import { t } from '../i18n';
import { api, basePath } from '../lib/api';
import { invalidate, useApi } from '../lib/cache';
import { shareUrl } from '../lib/share';
import { CopyButton, Empty, ErrorBox, Spinner } from '../components/ui';
import type { Website } from './WebsitesPage';

// Settings → Share links: the named share links of one website (GET/POST /api/websites/:id/shares,
// DELETE /api/share/id/:id). Each opens the public read-only page /share/<slug>.

type Share = { id: string; name: string; slug: string; createdAt: string };
type PageOf<T> = { data: T[]; count: number };

export function ShareLinksSettings() {
  const sites = useApi<PageOf<Website>>('/websites', { pageSize: 200, includeTeams: true });
  const [picked, setPicked] = useState('');
  const list = sites.data?.data ?? [];
  const websiteId = picked || list[0]?.id || '';
  return (
    <div>
      <div className="page-head">
        <h2>{t('nav.shares')}</h2>
        {list.length > 0 && (
          <select aria-label={t('nav.websites')} value={websiteId} onChange={(e) => setPicked(e.target.value)}>
            {list.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        )}
      </div>
      {sites.error != null && <ErrorBox error={sites.error} onRetry={sites.reload} />}
      {!sites.data && !sites.error && <Spinner />}
      {sites.data && list.length === 0 && (
        <Empty>
          <p>{t('websites.empty')}</p>
        </Empty>
      )}
      {websiteId && <Shares key={websiteId} websiteId={websiteId} />}
    </div>
  );
}

function Shares({ websiteId }: { websiteId: string }) {
  const q = useApi<PageOf<Share>>(`/websites/${websiteId}/shares`, { pageSize: 200 });
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const reload = () => {
    invalidate(`/websites/${websiteId}`);
    q.reload();
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/websites/${websiteId}/shares`, { body: { name: name.trim(), parameters: {} } });
      setName('');
      reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="card">
      <form className="move-site" onSubmit={add}>
        <input name="shareName" aria-label={t('shares.name')} placeholder={t('shares.name')} value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} />
        <button className="btn primary small" type="submit">
          + {t('shares.add')}
        </button>
      </form>
      {(q.error != null || error != null) && <ErrorBox error={q.error ?? error} onRetry={q.reload} />}
      {!q.data && !q.error && <Spinner />}
      {q.data && q.data.data.length === 0 && <p className="muted">{t('shares.empty')}</p>}
      {q.data && q.data.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="shares">
            <thead>
              <tr>
                <th>{t('segments.name')}</th>
                <th>{t('share.url')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {q.data.data.map((s) => {
                const url = shareUrl(location.origin, basePath(), s.slug);
                return (
                  <tr key={s.id}>
                    <td className="wrap">{s.name}</td>
                    <td className="wrap">
                      <a href={url} target="_blank" rel="noreferrer">
                        <code>{url}</code>
                      </a>
                    </td>
                    <td className="num nowrap">
                      <CopyButton text={url} />{' '}
                      <button
                        className="btn small danger"
                        onClick={async () => {
                          setError(null);
                          try {
                            await api(`/share/id/${s.id}`, { method: 'DELETE' });
                            reload();
                          } catch (err) {
                            setError(err);
                          }
                        }}
                      >
                        {t('common.delete')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
