import { useState, type FormEvent } from 'react';
import { t } from '../i18n';
import { api, basePath } from '../lib/api';
import { invalidate } from '../lib/cache';
import { navigate } from '../lib/router';
import { useSession } from '../lib/session';
import { trackingSnippet } from '../lib/snippet';
import { randomSlug, shareUrl } from '../lib/share';
import { CopyButton, ErrorBox, Modal } from '../components/ui';
import type { Website } from './WebsitesPage';

export default function WebsiteSettingsView({ site, onChanged }: { site: Website; onChanged: () => void }) {
  const { config } = useSession();
  const [name, setName] = useState(site.name);
  const [domain, setDomain] = useState(site.domain);
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirm, setConfirm] = useState<'reset' | 'delete' | null>(null);
  const snippet = trackingSnippet(location.origin, basePath(), site.id, config?.trackerScriptName);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/websites/${site.id}`, { body: { name: name.trim(), domain: domain.trim().replace(/^https?:\/\//, '').replace(/\/.*$/, '') } });
      invalidate('/websites');
      setMsg(t('websites.saved'));
      onChanged();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="settings-view">
      <section className="card">
        <h2>{t('websites.trackingCode')}</h2>
        <p className="muted">{t('websites.trackingHelp')}</p>
        <pre className="code" data-testid="snippet">
          {snippet}
        </pre>
        <CopyButton text={snippet} />
        <p className="muted small">
          {t('websites.id')}: <code>{site.id}</code>
        </p>
      </section>
      <section className="card">
        <h2>{t('websites.edit')}</h2>
        <form className="form" onSubmit={save}>
          {error != null && <ErrorBox error={error} />}
          {msg && (
            <p className="ok" role="status">
              {msg}
            </p>
          )}
          <label>
            {t('websites.name')}
            <input name="name" value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            {t('websites.domain')}
            <input name="domain" value={domain} maxLength={500} required onChange={(e) => setDomain(e.target.value)} />
          </label>
          <div className="form-actions">
            <button className="btn primary" type="submit">
              {t('common.save')}
            </button>
          </div>
        </form>
      </section>
      <ShareSection site={site} onChanged={onChanged} />
      <section className="card danger">
        <h2>{t('websites.reset')}</h2>
        <p className="muted">{t('websites.resetHelp')}</p>
        <button className="btn danger" onClick={() => setConfirm('reset')}>
          {t('websites.reset')}
        </button>
        <h2>{t('websites.delete')}</h2>
        <p className="muted">{t('websites.deleteHelp')}</p>
        <button className="btn danger" onClick={() => setConfirm('delete')}>
          {t('websites.delete')}
        </button>
      </section>
      {confirm && (
        <TypedConfirm
          title={confirm === 'reset' ? t('websites.reset') : t('websites.delete')}
          word={confirm === 'reset' ? 'RESET' : site.name}
          onClose={() => setConfirm(null)}
          onConfirm={async () => {
            if (confirm === 'reset') {
              await api(`/websites/${site.id}/reset`, { method: 'POST', body: {} });
              invalidate(`/websites/${site.id}`);
              setMsg(t('websites.resetDone'));
            } else {
              await api(`/websites/${site.id}`, { method: 'DELETE' });
              invalidate('/websites');
              navigate('/websites', { replace: true });
            }
          }}
        />
      )}
    </div>
  );
}

export function TypedConfirm({ title, word, help, onClose, onConfirm }: { title: string; word: string; help?: string; onClose: () => void; onConfirm: () => Promise<void> }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={title} onClose={onClose}>
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            await onConfirm();
            onClose();
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        {error != null && <ErrorBox error={error} />}
        {help && <p className="muted">{help}</p>}
        <label>
          {t('websites.typeToConfirm', { word })}
          <input name="confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn danger" disabled={typed !== word || busy}>
            {title}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function ShareSection({ site, onChanged }: { site: Website; onChanged: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = async (shareId: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/websites/${site.id}`, { body: { shareId } });
      invalidate('/websites');
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const url = site.shareId ? shareUrl(location.origin, basePath(), site.shareId) : null;
  return (
    <section className="card share-settings" data-testid="share-settings">
      <h2>{t('share.title')}</h2>
      <p className="muted">{t('share.help')}</p>
      {error != null && <ErrorBox error={error} />}
      {url ? (
        <>
          <label className="share-url">
            {t('share.url')}
            <input readOnly value={url} name="shareUrl" onFocus={(e) => e.target.select()} />
          </label>
          <div className="form-actions start">
            <CopyButton text={url} />
            <a className="btn" href={url} target="_blank" rel="noreferrer">
              {t('common.open')}
            </a>
            <button className="btn" disabled={busy} onClick={() => set(randomSlug())}>
              {t('share.regenerate')}
            </button>
            <button className="btn danger" disabled={busy} onClick={() => set(null)}>
              {t('share.disable')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">{t('share.off')}</p>
          <button className="btn primary" disabled={busy} onClick={() => set(randomSlug())}>
            {t('share.enable')}
          </button>
        </>
      )}
    </section>
  );
}
