import { useState, type FormEvent } from 'react';
import { t } from '../../i18n';
import { api, basePath } from '../../lib/api';
import { invalidate, useApi } from '../../lib/cache';
import { Link, setSearch, useLocation } from '../../lib/router';
import { SLUG_PATTERN, suggestSlug, trackingUrl, validSlug, validTarget, type TrackedKind } from '../../lib/tracked';
import { CopyButton, Empty, ErrorBox, FormActions, Modal, Pager, Spinner } from '../../components/ui';
import type { PageOf, Tracked } from './types';
import { listPath, TeamScopePicker, useTeamScope } from './TeamScope';
import './manage.css';

// Links (/links) and pixels (/pixels): the caller's list, paged and searchable, with the tracking URL to
// copy; create/edit (name, slug, and a link's target) and delete. Each row opens its statistics page.

const PAGE_SIZE = 20;
export const API_PATH: Record<TrackedKind, string> = { link: '/links', pixel: '/pixels' };

export function TrackedList({ kind }: { kind: TrackedKind }) {
  const { search } = useLocation();
  const page = Number(search.get('page')) || 1;
  const q = search.get('search') ?? '';
  const { team, teams } = useTeamScope();
  const list = useApi<PageOf<Tracked>>(listPath(`${kind}s`, team), { page, pageSize: PAGE_SIZE, search: q || undefined });
  const [editing, setEditing] = useState<Tracked | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Tracked | null>(null);
  const reload = () => (invalidate(API_PATH[kind]), invalidate('/teams/'), list.reload());
  const L = kind === 'link' ? LINK : PIXEL;
  return (
    <div className="page manage">
      <div className="page-head">
        <h1>{t(L.title)}</h1>
        <div className="page-actions">
          <TeamScopePicker team={team} teams={teams} />
          <button className="btn primary" onClick={() => setEditing('new')}>
            + {t(L.add)}
          </button>
        </div>
      </div>
      <p className="muted intro">{t(L.intro)}</p>
      {(!!list.data?.count || !!q) && (
        <div className="search-row">
          <input type="search" aria-label={t('common.search')} placeholder={t('common.search')} defaultValue={q} onChange={(e) => setSearch({ search: e.target.value, page: null }, { replace: true })} />
        </div>
      )}
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Spinner />}
      {list.data && list.data.data.length === 0 && (
        <Empty>
          <p>{q ? t('tracked.noMatch') : t(L.empty)}</p>
          {!q && (
            <button className="btn primary" onClick={() => setEditing('new')}>
              + {t(L.add)}
            </button>
          )}
        </Empty>
      )}
      {list.data && list.data.data.length > 0 && (
        <div className="card table-wrap">
          <table className="table tracked-table" data-testid={kind + 's'}>
            <thead>
              <tr>
                <th>{t('tracked.name')}</th>
                <th>{t('tracked.trackingUrl')}</th>
                {kind === 'link' && <th className="hide-phone">{t('tracked.target')}</th>}
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.data.map((x) => {
                const url = trackingUrl(kind, location.origin, basePath(), x.slug);
                return (
                  <tr key={x.id}>
                    <td className="wrap name-cell">
                      <Link to={`/${kind}s/${x.id}`}>{x.name}</Link>
                      <div className="muted small">{new Date(x.createdAt).toLocaleDateString()}</div>
                    </td>
                    <td className="wrap">
                      <code className="tracking-url">{url}</code>
                    </td>
                    {kind === 'link' && (
                      <td className="wrap hide-phone">
                        <a href={x.url} target="_blank" rel="noreferrer noopener" className="target">
                          {x.url}
                        </a>
                      </td>
                    )}
                    <td className="num actions">
                      <CopyButton text={url} />
                      <button className="btn small" onClick={() => setEditing(x)}>
                        {t('common.edit')}
                      </button>
                      <button className="btn small danger" onClick={() => setDeleting(x)}>
                        {t('common.delete')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pager page={page} pageSize={PAGE_SIZE} count={list.data.count} onPage={(p) => setSearch({ page: p === 1 ? null : String(p) })} />
        </div>
      )}
      {editing && <TrackedForm kind={kind} item={editing === 'new' ? null : editing} teamId={team} onClose={() => setEditing(null)} onSaved={reload} />}
      {deleting && <DeleteTracked kind={kind} item={deleting} onClose={() => setDeleting(null)} onDeleted={reload} />}
    </div>
  );
}

export const LINK = { title: 'nav.links', add: 'links.add', intro: 'links.intro', empty: 'links.empty', edit: 'links.edit' } as const;
export const PIXEL = { title: 'nav.pixels', add: 'pixels.add', intro: 'pixels.intro', empty: 'pixels.empty', edit: 'pixels.edit' } as const;

export function TrackedForm({ kind, item, teamId, onClose, onSaved }: { kind: TrackedKind; item: Tracked | null; teamId?: string | null; onClose: () => void; onSaved: (x: Tracked) => void }) {
  const [name, setName] = useState(item?.name ?? '');
  const [url, setUrl] = useState(item?.url ?? '');
  const [slug, setSlug] = useState(item?.slug ?? suggestSlug());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const L = kind === 'link' ? LINK : PIXEL;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (kind === 'link' && !validTarget(url)) return setError(new Error(t('links.badUrl')));
    if (!validSlug(slug)) return setError(new Error(t('tracked.badSlug')));
    setBusy(true);
    try {
      const body: Record<string, string> = { name: name.trim(), slug };
      if (kind === 'link') body.url = url.trim();
      if (!item && teamId) body.teamId = teamId;
      const saved = await api<Tracked>(item ? `${API_PATH[kind]}/${item.id}` : API_PATH[kind], { body });
      invalidate(API_PATH[kind]);
      onSaved(saved);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const preview = trackingUrl(kind, location.origin, basePath(), slug || '…');
  return (
    <Modal title={item ? t(L.edit) : t(L.add)} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {error != null && <ErrorBox error={error} />}
        <label>
          {t('tracked.name')}
          <input name="name" value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
        </label>
        {kind === 'link' && (
          <label>
            {t('tracked.target')}
            <input name="url" type="url" inputMode="url" placeholder="https://" value={url} maxLength={500} required onChange={(e) => setUrl(e.target.value)} />
          </label>
        )}
        <label>
          {t('tracked.slug')}
          <span className="slug-row">
            <input name="slug" value={slug} maxLength={100} pattern={SLUG_PATTERN} required onChange={(e) => setSlug(e.target.value)} />
            <button type="button" className="btn small" onClick={() => setSlug(suggestSlug())}>
              {t('tracked.newSlug')}
            </button>
          </span>
          <span className="muted small">{t('tracked.slugHelp')}</span>
        </label>
        <p className="muted small slug-preview">
          {t('tracked.trackingUrl')}: <code>{preview}</code>
        </p>
        <FormActions onCancel={onClose} submit={busy ? t('common.loading') : t('common.save')} />
      </form>
    </Modal>
  );
}

export function DeleteTracked({ kind, item, onClose, onDeleted }: { kind: TrackedKind; item: Tracked; onClose: () => void; onDeleted: () => void }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal title={t('common.delete')} onClose={onClose}>
      {error != null && <ErrorBox error={error} />}
      <p className="wrap-text">{t('tracked.deleteConfirm', { name: item.name })}</p>
      <div className="form-actions">
        <button className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          className="btn danger"
          onClick={async () => {
            try {
              await api(`${API_PATH[kind]}/${item.id}`, { method: 'DELETE' });
              invalidate(API_PATH[kind]);
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
