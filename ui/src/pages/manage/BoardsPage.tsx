import { useState, type FormEvent } from 'react';
import { t, type StringKey } from '../../i18n';
import { api } from '../../lib/api';
import { invalidate, useApi } from '../../lib/cache';
import { Link, navigate, setSearch, useLocation } from '../../lib/router';
import { boardEntity, boardKind, createType, widgetCount, withEntity, type Board, type BoardKind, type BoardParameters, type EntityType } from '../../lib/boards';
import { Empty, ErrorBox, FormActions, Modal, Pager, Spinner } from '../../components/ui';
import { entityName, useEntities, type Entities } from './entities';
import type { PageOf } from './types';
import { listPath, TeamScopePicker, useTeamScope } from './TeamScope';
import './manage.css';

// Boards (/boards): the caller's boards, paged and searchable; create (name, description, and what it
// shows: one website, link or pixel, or a mix chosen per widget), edit, delete. A board opens at /boards/:id.

const PAGE_SIZE = 20;
const KINDS: BoardKind[] = ['website', 'link', 'pixel', 'mixed'];

export function BoardsPage() {
  const { search } = useLocation();
  const page = Number(search.get('page')) || 1;
  const q = search.get('search') ?? '';
  const { team, teams } = useTeamScope();
  const list = useApi<PageOf<Board>>(listPath('boards', team), { page, pageSize: PAGE_SIZE, search: q || undefined });
  const entities = useEntities(team);
  const [editing, setEditing] = useState<Board | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Board | null>(null);
  const reload = () => (invalidate('/boards'), invalidate('/teams/'), list.reload());
  return (
    <div className="page manage">
      <div className="page-head">
        <h1>{t('nav.boards')}</h1>
        <div className="page-actions">
          <TeamScopePicker team={team} teams={teams} />
          <button className="btn primary" onClick={() => setEditing('new')}>
            + {t('boards.add')}
          </button>
        </div>
      </div>
      <p className="muted intro">{t('boards.intro')}</p>
      {(!!list.data?.count || !!q) && (
        <div className="search-row">
          <input type="search" aria-label={t('common.search')} placeholder={t('common.search')} defaultValue={q} onChange={(e) => setSearch({ search: e.target.value, page: null }, { replace: true })} />
        </div>
      )}
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Spinner />}
      {list.data && list.data.data.length === 0 && (
        <Empty>
          <p>{q ? t('tracked.noMatch') : t('boards.empty')}</p>
          {!q && (
            <button className="btn primary" onClick={() => setEditing('new')}>
              + {t('boards.add')}
            </button>
          )}
        </Empty>
      )}
      {list.data && list.data.data.length > 0 && (
        <div className="card table-wrap">
          <table className="table" data-testid="boards">
            <thead>
              <tr>
                <th>{t('tracked.name')}</th>
                <th className="hide-phone">{t('boards.shows')}</th>
                <th className="num hide-phone">{t('boards.widgets')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.data.map((b) => (
                <tr key={b.id}>
                  <td className="wrap name-cell">
                    <Link to={`/boards/${b.id}`}>{b.name}</Link>
                    {b.description && <div className="muted small">{b.description}</div>}
                  </td>
                  <td className="wrap hide-phone">{describeBoard(b, entities)}</td>
                  <td className="num hide-phone">{widgetCount(b.parameters ?? {})}</td>
                  <td className="num actions">
                    <button className="btn small" onClick={() => setEditing(b)}>
                      {t('common.edit')}
                    </button>
                    <button className="btn small danger" onClick={() => setDeleting(b)}>
                      {t('common.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} pageSize={PAGE_SIZE} count={list.data.count} onPage={(p) => setSearch({ page: p === 1 ? null : String(p) })} />
        </div>
      )}
      {editing && <BoardForm board={editing === 'new' ? null : editing} teamId={team} entities={entities} onClose={() => setEditing(null)} onSaved={(b) => (reload(), editing === 'new' && navigate(`/boards/${b.id}`))} />}
      {deleting && <DeleteBoard board={deleting} onClose={() => setDeleting(null)} onDeleted={reload} />}
    </div>
  );
}

export function describeBoard(b: Board, e: Entities): string {
  const kind = boardKind(b);
  const own = boardEntity(b);
  const name = entityName(e, own.type, own.id);
  return name ? `${t(('boards.kind.' + kind) as StringKey)}: ${name}` : t(('boards.kind.' + kind) as StringKey);
}

/** A new board of one entity starts with Umami's usual first widgets; a mixed board starts empty. */
function starterRows(kind: BoardKind): BoardParameters['rows'] {
  if (kind === 'mixed') return [];
  const id = () => crypto.randomUUID();
  const table = kind === 'website' ? 'path' : 'referrer';
  return [
    { id: id(), columns: [{ id: id(), component: { type: 'WebsiteMetricsBar' } }] },
    { id: id(), columns: [{ id: id(), component: { type: 'WebsiteChart' } }] },
    {
      id: id(),
      columns: [
        { id: id(), component: { type: 'MetricsTable', props: { type: table, limit: 10 } } },
        { id: id(), component: { type: 'MetricsTable', props: { type: 'country', limit: 10 } } },
      ],
    },
  ];
}

export function BoardForm({ board, teamId, entities, onClose, onSaved }: { board: Board | null; teamId?: string | null; entities: Entities; onClose: () => void; onSaved: (b: Board) => void }) {
  const [name, setName] = useState(board?.name ?? '');
  const [description, setDescription] = useState(board?.description ?? '');
  const [kind, setKind] = useState<BoardKind>(board ? boardKind(board) : 'website');
  const [entityId, setEntityId] = useState(board ? (boardEntity(board).id ?? '') : '');
  const [error, setError] = useState<unknown>(null);
  const options = kind === 'mixed' ? [] : entities[kind as EntityType];
  const picked = entityId || options[0]?.id || '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (kind !== 'mixed' && !picked) return setError(new Error(t(('boards.needEntity.' + kind) as StringKey)));
    try {
      const base: BoardParameters = board ? board.parameters ?? {} : { rows: starterRows(kind) };
      const parameters = withEntity(base, kind, kind === 'mixed' ? undefined : picked);
      const body = board
        ? { name: name.trim(), description: description.trim(), parameters, ...(boardKind(board) !== kind ? { type: createType(kind) } : {}) }
        : { type: createType(kind), name: name.trim(), description: description.trim(), parameters, ...(teamId ? { teamId } : {}) };
      const saved = await api<Board>(board ? `/boards/${board.id}` : '/boards', { body });
      invalidate('/boards');
      onSaved(saved);
      onClose();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal title={board ? t('boards.edit') : t('boards.add')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {error != null && <ErrorBox error={error} />}
        <label>
          {t('tracked.name')}
          <input name="boardName" value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('boards.description')}
          <textarea name="description" rows={2} value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label>
          {t('boards.shows')}
          <select name="kind" value={kind} onChange={(e) => (setKind(e.target.value as BoardKind), setEntityId(''))}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(('boards.kindPick.' + k) as StringKey)}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'mixed' && (
          <label>
            {t(('boards.kind.' + kind) as StringKey)}
            {options.length > 0 ? (
              <select name="entityId" value={picked} onChange={(e) => setEntityId(e.target.value)}>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            ) : (
              <span className="muted small">{entities.loading ? t('common.loading') : t(('boards.needEntity.' + kind) as StringKey)}</span>
            )}
          </label>
        )}
        {kind === 'mixed' && <p className="muted small">{t('boards.mixedHelp')}</p>}
        <FormActions onCancel={onClose} submit={t('common.save')} />
      </form>
    </Modal>
  );
}

export function DeleteBoard({ board, onClose, onDeleted }: { board: Board; onClose: () => void; onDeleted: () => void }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal title={t('common.delete')} onClose={onClose}>
      {error != null && <ErrorBox error={error} />}
      <p className="wrap-text">{t('boards.deleteConfirm', { name: board.name })}</p>
      <div className="form-actions">
        <button className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          className="btn danger"
          onClick={async () => {
            try {
              await api(`/boards/${board.id}`, { method: 'DELETE' });
              invalidate('/boards');
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
