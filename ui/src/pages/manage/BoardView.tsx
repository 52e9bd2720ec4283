import { useState, type FormEvent } from 'react';
import { t, type StringKey } from '../../i18n';
import { api } from '../../lib/api';
import { invalidate, useApi } from '../../lib/cache';
import { Link, navigate } from '../../lib/router';
import { useRange } from '../../lib/useRange';
import {
  addColumn, addRow, boardEntity, boardKind, moveRow, removeColumn, removeRow, rowsOf, setComponent, widgetEntity,
  MAX_COLUMNS, type Board, type BoardComponent, type BoardParameters, type EntityType,
} from '../../lib/boards';
import { DateRangePicker } from '../../components/DateRangePicker';
import { Empty, ErrorBox, FormActions, Modal, Spinner } from '../../components/ui';
import { BoardForm, DeleteBoard, describeBoard } from './BoardsPage';
import { LIMITS, TABLE_TYPES, TRACKED_TABLE_TYPES, WidgetBody, widgetDef, widgetsFor, widgetTitle } from './BoardWidgets';
import { entityName, useEntities, useMissing, type Entities } from './entities';
import { BoardShares } from './BoardShares';
import type { RangeState } from '../../lib/useRange';

// One board (/boards/:id): its rows of widgets over the range in the URL. "Edit layout" adds and
// removes rows and columns (up to four a row), moves rows and sets each column's widget; "Save layout"
// writes parameters back with POST /api/boards/:id, leaving every field it does not know untouched.

export function BoardView({ id }: { id: string }) {
  const q = useApi<Board>(`/boards/${id}`);
  const entities = useEntities(q.data?.teamId);
  const [sharing, setSharing] = useState(false);
  const [draft, setDraft] = useState<BoardParameters | null>(null);
  // What the last save wrote, shown until the reloaded board arrives (no flash of the old layout).
  const [saved, setSaved] = useState<BoardParameters | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [widget, setWidget] = useState<{ row: string; col: string; c?: BoardComponent } | null>(null);
  const board = q.data;
  const range = useRange(board ? boardEntity(board).id : undefined, board?.createdAt);
  if (q.error) return <div className="page"><ErrorBox error={q.error} onRetry={q.reload} /></div>;
  if (!board) return <Spinner />;
  const params = draft ?? saved ?? board.parameters ?? {};
  const shown = { ...board, parameters: params };
  const rows = rowsOf(params);
  const kind = boardKind(board);
  const save = async () => {
    setError(null);
    try {
      const b = await api<Board>(`/boards/${board.id}`, { body: { parameters: params } });
      invalidate('/boards');
      setSaved(b?.parameters ?? params);
      setDraft(null);
      q.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="page manage board-page">
      <Link to="/boards" className="back">
        ‹ {t('nav.boards')}
      </Link>
      <div className="page-head">
        <div className="board-title">
          <h1 className="entity-name">{board.name}</h1>
          <span className="muted small">{describeBoard(board, entities)}</span>
        </div>
        <div className="page-actions">
          {draft === null ? (
            <>
              <button className="btn small" onClick={() => setDraft(saved ?? board.parameters ?? {})}>
                {t('boards.editLayout')}
              </button>
              <button className="btn small" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </button>
              <button className="btn small" onClick={() => setSharing(true)}>
                {t('boards.share')}
              </button>
              <button
                className="btn small"
                onClick={async () => {
                  setError(null);
                  try {
                    const copy = await api<Board>(`/boards/${board.id}/clone`, { body: { name: t('boards.copyName', { name: board.name }).slice(0, 100) } });
                    invalidate('/boards');
                    navigate(`/boards/${copy.id}`);
                  } catch (e) {
                    setError(e);
                  }
                }}
              >
                {t('boards.clone')}
              </button>
              <button className="btn small danger" onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </button>
            </>
          ) : (
            <>
              <button className="btn small" onClick={() => (setDraft(null), setError(null))}>
                {t('common.cancel')}
              </button>
              <button className="btn small primary" onClick={save}>
                {t('boards.saveLayout')}
              </button>
            </>
          )}
        </div>
      </div>
      {board.description && <p className="muted board-description">{board.description}</p>}
      {error != null && <ErrorBox error={error} />}
      <div className="toolbar">
        <span />
        <DateRangePicker range={range} />
      </div>
      {rows.length === 0 && draft === null && (
        <Empty>
          <p>{t('boards.noWidgets')}</p>
          <button className="btn primary" onClick={() => setDraft(addRow(params))}>
            + {t('boards.addRow')}
          </button>
        </Empty>
      )}
      <div className="board-rows">
        {rows.map((r, i) => (
          <div className="board-row" key={r.id} data-testid="board-row">
            {draft !== null && (
              <div className="row-tools">
                <span className="muted small">{t('boards.row', { n: i + 1 })}</span>
                <button className="icon-btn" aria-label={t('boards.moveUp')} title={t('boards.moveUp')} disabled={i === 0} onClick={() => setDraft(moveRow(params, r.id, -1))}>
                  ↑
                </button>
                <button className="icon-btn" aria-label={t('boards.moveDown')} title={t('boards.moveDown')} disabled={i === rows.length - 1} onClick={() => setDraft(moveRow(params, r.id, 1))}>
                  ↓
                </button>
                <button className="btn small" disabled={r.columns.length >= MAX_COLUMNS} onClick={() => setDraft(addColumn(params, r.id))}>
                  + {t('boards.addColumn')}
                </button>
                <button className="btn small danger" onClick={() => setDraft(removeRow(params, r.id))}>
                  {t('boards.removeRow')}
                </button>
              </div>
            )}
            <div className="board-cols" style={{ gridTemplateColumns: `repeat(${r.columns.length}, minmax(0, 1fr))` }}>
              {r.columns.map((c) => {
                const ent = widgetEntity(shown, c.component);
                const badge = kind === 'mixed' ? entityName(entities, ent.type, ent.id) : undefined;
                const heading = c.component ? widgetTitle(c.component) : undefined;
                return (
                  <section className="card widget" key={c.id} data-widget={c.component?.type ?? 'empty'}>
                    {(heading || badge) && (
                      <div className="widget-head">
                        <h2 className="card-title">{heading}</h2>
                        {badge && <span className="entity-badge">{badge}</span>}
                      </div>
                    )}
                    {c.component?.description && <p className="muted small">{c.component.description}</p>}
                    {c.component ? <Widget c={c.component} entity={ent} range={range} /> : <p className="muted small">{t('boards.emptyColumn')}</p>}
                    {draft !== null && (
                      <div className="widget-tools">
                        <button className="btn small" onClick={() => setWidget({ row: r.id, col: c.id, c: c.component })}>
                          {c.component ? t('boards.changeWidget') : t('boards.pickWidget')}
                        </button>
                        <button className="btn small danger" onClick={() => setDraft(removeColumn(params, r.id, c.id))}>
                          {t('boards.removeColumn')}
                        </button>
                      </div>
                    )}
                  </section>
                );
              })}
            </div>
          </div>
        ))}
      </div>
      {draft !== null && (
        <div className="board-add">
          <button className="btn" onClick={() => setDraft(addRow(params))}>
            + {t('boards.addRow')}
          </button>
        </div>
      )}
      {widget && (
        <WidgetForm
          current={widget.c}
          boardEntityType={boardEntity(board).type}
          mixed={kind === 'mixed'}
          entities={entities}
          onClose={() => setWidget(null)}
          onSave={(c) => setDraft(setComponent(params, widget.row, widget.col, c))}
        />
      )}
      {sharing && <BoardShares boardId={board.id} onClose={() => setSharing(false)} />}
      {editing && <BoardForm board={board} entities={entities} onClose={() => setEditing(false)} onSaved={() => q.reload()} />}
      {deleting && <DeleteBoard board={board} onClose={() => setDeleting(false)} onDeleted={() => navigate('/boards', { replace: true })} />}
    </div>
  );
}

/** A widget, or a note when what it reads was deleted (its statistics would only answer an error). */
function Widget({ c, entity, range }: { c: BoardComponent; entity: { type?: EntityType; id?: string }; range: RangeState }) {
  const needs = widgetDef(c.type)?.needsEntity ?? false;
  const missing = useMissing(needs ? entity.type : undefined, needs ? entity.id : undefined);
  if (missing) return <p className="muted small widget-missing" role="status">{t('boards.missing')}</p>;
  return <WidgetBody c={c} entity={entity} range={range} />;
}

function WidgetForm({ current, boardEntityType, mixed, entities, onClose, onSave }: {
  current?: BoardComponent; boardEntityType?: EntityType; mixed: boolean; entities: Entities; onClose: () => void; onSave: (c: BoardComponent) => void;
}) {
  const [entityType, setEntityType] = useState<EntityType>(current?.entityType ?? (current?.websiteId ? 'website' : 'website'));
  const [entityId, setEntityId] = useState(current?.entityId ?? current?.websiteId ?? '');
  const target = mixed ? entityType : boardEntityType;
  const choices = widgetsFor(target);
  const [type, setType] = useState(current && widgetDef(current.type) ? current.type : choices[0].type);
  const [title, setTitle] = useState(current?.title ?? '');
  const [description, setDescription] = useState(current?.description ?? '');
  const tableTypes = target && target !== 'website' ? TRACKED_TABLE_TYPES : TABLE_TYPES;
  const [metric, setMetric] = useState(String(current?.props?.type ?? tableTypes[0]));
  const [limit, setLimit] = useState(String(current?.props?.limit ?? 10));
  const [text, setText] = useState(String(current?.props?.text ?? ''));
  const def = widgetDef(type);
  const options = entities[entityType];
  const pickedId = entityId && options.some((o) => o.id === entityId) ? entityId : options[0]?.id ?? '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Keep what this form does not edit (other props, Umami-only fields).
    const c: BoardComponent = { ...(current ?? {}), type };
    delete c.websiteId;
    if (title.trim()) c.title = title.trim();
    else delete c.title;
    if (description.trim()) c.description = description.trim();
    else delete c.description;
    if (type === 'MetricsTable') c.props = { ...(current?.props ?? {}), type: metric, limit: Number(limit) };
    else if (type === 'TextBlock') c.props = { ...(current?.props ?? {}), text };
    else delete c.props;
    if (mixed && def?.needsEntity && pickedId) {
      c.entityType = entityType;
      c.entityId = pickedId;
    } else {
      delete c.entityType;
      delete c.entityId;
    }
    onSave(c);
    onClose();
  };
  return (
    <Modal title={current ? t('boards.changeWidget') : t('boards.pickWidget')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {mixed && (
          <div className="two-col">
            <label>
              {t('boards.reads')}
              <select name="entityType" value={entityType} onChange={(e) => (setEntityType(e.target.value as EntityType), setEntityId(''))}>
                {(['website', 'link', 'pixel'] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(('boards.kind.' + k) as StringKey)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t(('boards.kind.' + entityType) as StringKey)}
              <select name="entityId" value={pickedId} onChange={(e) => setEntityId(e.target.value)}>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        <label>
          {t('boards.widget')}
          <select name="widgetType" value={type} onChange={(e) => setType(e.target.value)}>
            {choices.map((w) => (
              <option key={w.type} value={w.type}>
                {t(w.label)}
              </option>
            ))}
          </select>
        </label>
        {type === 'MetricsTable' && (
          <div className="two-col">
            <label>
              {t('boards.metric')}
              <select name="metric" value={tableTypes.includes(metric) ? metric : tableTypes[0]} onChange={(e) => setMetric(e.target.value)}>
                {tableTypes.map((m) => (
                  <option key={m} value={m}>
                    {t(('metric.' + m) as StringKey)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('boards.rows')}
              <select name="limit" value={limit} onChange={(e) => setLimit(e.target.value)}>
                {LIMITS.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        {type === 'TextBlock' && (
          <label>
            {t('widget.TextBlock')}
            <textarea name="text" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
        )}
        <label>
          {t('boards.widgetTitle')}
          <input name="widgetTitle" value={title} maxLength={100} placeholder={def ? t(def.label) : ''} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('boards.description')}
          <input name="widgetDescription" value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <FormActions onCancel={onClose} submit={t('common.save')} />
      </form>
    </Modal>
  );
}
