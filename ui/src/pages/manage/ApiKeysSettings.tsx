import { useState, type FormEvent } from 'react';
import { t } from '../../i18n';
import { api, basePath } from '../../lib/api';
import { invalidate, useApi } from '../../lib/cache';
import { CopyButton, Empty, ErrorBox, FormActions, Modal, Spinner } from '../../components/ui';
import type { ApiKey, NewApiKey } from './types';
import './manage.css';

// Settings → API keys (Umami 3.3 self-hosted): the caller's keys (name, prefix, created, last used),
// a new key shown once to copy, and deletion after confirming. A key goes in the x-umami-api-key header
// and acts as its owner.

export function ApiKeysSettings() {
  const q = useApi<ApiKey[] | { data: ApiKey[] }>('/me/api-keys');
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const [deleting, setDeleting] = useState<ApiKey | null>(null);
  const keys = Array.isArray(q.data) ? q.data : (q.data?.data ?? []);
  const reload = () => (invalidate('/me/api-keys'), q.reload());
  return (
    <div className="manage">
      <div className="page-head">
        <h2>{t('nav.apiKeys')}</h2>
        <button className="btn primary" onClick={() => setAdding(true)}>
          + {t('apiKeys.add')}
        </button>
      </div>
      <p className="muted intro">{t('apiKeys.intro')}</p>
      {created && (
        <section className="card new-key" role="status" data-testid="new-key">
          <h3>{t('apiKeys.created', { name: created.name })}</h3>
          <p>{t('apiKeys.showOnce')}</p>
          <div className="key-row">
            <code className="secret" data-testid="api-key">
              {created.key}
            </code>
            <CopyButton text={created.key} />
          </div>
          <pre className="code">{`curl -H "x-umami-api-key: ${created.key}" ${location.origin}${basePath()}/api/websites`}</pre>
          <button className="btn small" onClick={() => setCreated(null)}>
            {t('apiKeys.done')}
          </button>
        </section>
      )}
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      {!q.data && !q.error && <Spinner />}
      {q.data && keys.length === 0 && (
        <Empty>
          <p>{t('apiKeys.empty')}</p>
        </Empty>
      )}
      {keys.length > 0 && (
        <div className="card table-wrap">
          <table className="table" data-testid="api-keys">
            <thead>
              <tr>
                <th>{t('tracked.name')}</th>
                <th className="hide-phone">{t('apiKeys.key')}</th>
                <th className="hide-phone">{t('apiKeys.createdAt')}</th>
                <th>{t('apiKeys.lastUsed')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td className="wrap name-cell">{k.name}</td>
                  <td className="hide-phone">
                    <code>{k.keyPrefix}…</code>
                  </td>
                  <td className="hide-phone">{new Date(k.createdAt).toLocaleDateString()}</td>
                  <td data-testid="last-used">{k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString() : t('apiKeys.never')}</td>
                  <td className="num">
                    <button className="btn small danger" onClick={() => setDeleting(k)}>
                      {t('common.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding && <AddKey onClose={() => setAdding(false)} onCreated={(k) => (setCreated(k), reload())} />}
      {deleting && (
        <DeleteKey
          k={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            if (created?.id === deleting.id) setCreated(null);
            reload();
          }}
        />
      )}
    </div>
  );
}

function AddKey({ onClose, onCreated }: { onClose: () => void; onCreated: (k: NewApiKey) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      onCreated(await api<NewApiKey>('/me/api-keys', { body: { name: name.trim() } }));
      onClose();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal title={t('apiKeys.add')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {error != null && <ErrorBox error={error} />}
        <label>
          {t('tracked.name')}
          <input name="keyName" value={name} maxLength={100} required placeholder={t('apiKeys.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        </label>
        <FormActions onCancel={onClose} submit={t('apiKeys.create')} />
      </form>
    </Modal>
  );
}

function DeleteKey({ k, onClose, onDeleted }: { k: ApiKey; onClose: () => void; onDeleted: () => void }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal title={t('common.delete')} onClose={onClose}>
      {error != null && <ErrorBox error={error} />}
      <p className="wrap-text">{t('apiKeys.deleteConfirm', { name: k.name })}</p>
      <div className="form-actions">
        <button className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          className="btn danger"
          onClick={async () => {
            try {
              await api(`/me/api-keys/${k.id}`, { method: 'DELETE' });
              onDeleted();
              onClose();
            } catch (e) {
              setError(e);
            }
          }}
        >
          {t('common.delete')}
        </button>
      </div>
    </Modal>
  );
}
