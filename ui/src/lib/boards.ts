// Boards (Umami 3.x): a board is rows of up to four columns, each column holding one widget
// ("component": a type, optional props, and for an open board the website/link/pixel it reads).
// A website, link or pixel board names its one entity in parameters (websiteId/linkId/pixelId);
// an open ("mixed"; older clients say "open") board names one per widget. These helpers keep that
// shape intact, including fields Footfall does not draw, so a board saved here still opens in Umami.

export type EntityType = 'website' | 'link' | 'pixel';
export type BoardKind = EntityType | 'mixed';

export type BoardComponent = {
  type: string;
  entityType?: EntityType;
  entityId?: string;
  websiteId?: string;
  title?: string;
  description?: string;
  props?: Record<string, unknown>;
};
export type BoardColumn = { id: string; component?: BoardComponent; size?: number };
export type BoardRow = { id: string; columns: BoardColumn[]; size?: number };
export type BoardParameters = { websiteId?: string; linkId?: string; pixelId?: string; rows?: BoardRow[]; [k: string]: unknown };
export type Board = {
  id: string;
  type: string;
  name: string;
  description: string | null;
  parameters: BoardParameters;
  userId: string | null;
  teamId: string | null;
  createdAt: string;
  updatedAt?: string | null;
};

export const MAX_COLUMNS = 4;
const KINDS: readonly string[] = ['website', 'link', 'pixel', 'mixed'];

/** The board's kind: its type, with 'open'/'dashboard' read as mixed and unknown types guessed from its parameters. */
export function boardKind(b: Pick<Board, 'type' | 'parameters'>): BoardKind {
  if (b.type === 'open' || b.type === 'dashboard') return 'mixed';
  if (KINDS.includes(b.type)) return b.type as BoardKind;
  const p = b.parameters ?? {};
  return p.pixelId ? 'pixel' : p.linkId ? 'link' : p.websiteId ? 'website' : 'mixed';
}

/** The type to send when creating: the entity's kind, or 'open' (what @umami/api-client 0.81 sends) for a mixed board. */
export function createType(kind: BoardKind): string {
  return kind === 'mixed' ? 'open' : kind;
}

/** The board's own entity (website, link or pixel boards), if any. */
export function boardEntity(b: Pick<Board, 'type' | 'parameters'>): { type?: EntityType; id?: string } {
  const k = boardKind(b);
  const p = b.parameters ?? {};
  if (k === 'website' && p.websiteId) return { type: 'website', id: p.websiteId };
  if (k === 'link' && p.linkId) return { type: 'link', id: p.linkId };
  if (k === 'pixel' && p.pixelId) return { type: 'pixel', id: p.pixelId };
  return {};
}

/** What a widget reads: the board's entity when it has one, else the widget's own. */
export function widgetEntity(b: Pick<Board, 'type' | 'parameters'>, c?: BoardComponent): { type?: EntityType; id?: string } {
  const own = boardEntity(b);
  if (own.id) return own;
  if (c?.entityType && c.entityId) return { type: c.entityType, id: c.entityId };
  if (c?.websiteId) return { type: 'website', id: c.websiteId };
  return {};
}

/** Parameters for a board of this kind on this entity (other fields kept). */
export function withEntity(p: BoardParameters, kind: BoardKind, id?: string): BoardParameters {
  const next: BoardParameters = { ...p };
  delete next.websiteId;
  delete next.linkId;
  delete next.pixelId;
  if (kind === 'website' && id) next.websiteId = id;
  if (kind === 'link' && id) next.linkId = id;
  if (kind === 'pixel' && id) next.pixelId = id;
  return next;
}

type Ids = () => string;
const uuid: Ids = () => crypto.randomUUID();

export function rowsOf(p: BoardParameters): BoardRow[] {
  return Array.isArray(p.rows) ? p.rows : [];
}

function setRows(p: BoardParameters, rows: BoardRow[]): BoardParameters {
  return { ...p, rows };
}

/** A new row at the end with one empty column. */
export function addRow(p: BoardParameters, id: Ids = uuid): BoardParameters {
  return setRows(p, [...rowsOf(p), { id: id(), columns: [{ id: id() }] }]);
}

export function removeRow(p: BoardParameters, rowId: string): BoardParameters {
  return setRows(p, rowsOf(p).filter((r) => r.id !== rowId));
}

/** Moves a row up (-1) or down (+1); at either end nothing changes. */
export function moveRow(p: BoardParameters, rowId: string, by: -1 | 1): BoardParameters {
  const rows = [...rowsOf(p)];
  const i = rows.findIndex((r) => r.id === rowId);
  const j = i + by;
  if (i < 0 || j < 0 || j >= rows.length) return p;
  [rows[i], rows[j]] = [rows[j], rows[i]];
  return setRows(p, rows);
}

/** One more column in a row, at most MAX_COLUMNS. */
export function addColumn(p: BoardParameters, rowId: string, id: Ids = uuid): BoardParameters {
  return setRows(p, rowsOf(p).map((r) => (r.id === rowId && r.columns.length < MAX_COLUMNS ? { ...r, columns: [...r.columns, { id: id() }] } : r)));
}

/** Removes a column; a row left without columns goes too. */
export function removeColumn(p: BoardParameters, rowId: string, colId: string): BoardParameters {
  return setRows(
    p,
    rowsOf(p)
      .map((r) => (r.id === rowId ? { ...r, columns: r.columns.filter((c) => c.id !== colId) } : r))
      .filter((r) => r.columns.length > 0),
  );
}

/** Puts a widget in a column (undefined empties it). */
export function setComponent(p: BoardParameters, rowId: string, colId: string, component: BoardComponent | undefined): BoardParameters {
  return setRows(p, rowsOf(p).map((r) => (r.id !== rowId ? r : { ...r, columns: r.columns.map((c) => (c.id === colId ? { ...c, component } : c)) })));
}

/** How many widgets the board holds. */
export function widgetCount(p: BoardParameters): number {
  return rowsOf(p).reduce((n, r) => n + r.columns.filter((c) => c.component).length, 0);
}
