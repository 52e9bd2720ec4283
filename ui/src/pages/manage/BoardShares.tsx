import { useState, type FormEvent } from 'react';
import { t } from '../../i18n';
import { api, basePath } from '../../lib/api';
import { useApi } from '../../lib/cache';
import { shareUrl } from '../../lib/share';
import { CopyButton, ErrorBox, Modal, Spinner } from '../../components/ui';
import type { PageOf } from './types';

// A board's share links (GET/POST /api/boards/:id/shares, DELETE /api/share/id/:id). Each opens the board
// read-only at /share/:slug, without login, reading only what the board's widgets name.

type Share = { id: string; name: string; slug: string };

export function BoardShares({ boardId, onClose }: { boardId: string; onClose: () => void }) {
  const q = useApi<PageOf<Share>>(`/boards/${boardId}/shares`, { pageSize: 200 });
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/boards/${boardId}/shares`, { body: { name: name.trim(), parameters: {} } });
      setName('');
      q.reload();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (id: string) => {
    setError(null);
    try {
      await api(`/share/id/${id}`, { method: 'DELETE' });
      q.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal title={t('boards.shares')} onClose={onClose}>
      <p className="muted small">{t('boards.sharesHelp')}</p>
      <form className="move-site" onSubmit={add}>
        <input name="shareName" aria-label={t('shares.name')} placeholder={t('shares.name')} value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} />
        <button className="btn primary small" type="submit">
          + {t('shares.add')}
        </button>
      </form>
      {(q.error != null || error != null) && <ErrorBox error={q.error ?? error} onRetry={q.reload} />}
      {!q.data && !q.error && <Spinner />}
      {q.data && q.data.data.length === 0 && <p className="muted">{t('boards.sharesEmpty')}</p>}
      {q.data && q.data.data.length > 0 && (
        <ul className="board-shares" data-testid="board-shares">
          {q.data.data.map((s) => {
            const url = shareUrl(location.origin, basePath(), s.slug);
            return (
              <li key={s.id}>
                <span className="wrap">{s.name}</span>{' '}
                <a href={url} target="_blank" rel="noreferrer">
                  <code>{url}</code>
                </a>{' '}
                <CopyButton text={url} />{' '}
                <button className="btn small danger" onClick={() => remove(s.id)}>
                  {t('common.delete')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Modal>
  );
}
