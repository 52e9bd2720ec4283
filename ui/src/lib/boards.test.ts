import { describe, expect, it } from 'vitest';
import { addColumn, addRow, boardEntity, boardKind, createType, moveRow, removeColumn, removeRow, rowsOf, setComponent, widgetCount, widgetEntity, withEntity, MAX_COLUMNS, type BoardParameters } from './boards';

const ids = () => {
  let n = 0;
  return () => `id${++n}`;
};

describe('boards', () => {
  it('reads the kind from the type, or from the parameters for old boards', () => {
    expect(boardKind({ type: 'link', parameters: {} })).toBe('link');
    expect(boardKind({ type: 'open', parameters: { websiteId: 'w' } })).toBe('mixed');
    expect(boardKind({ type: 'dashboard', parameters: {} })).toBe('mixed');
    expect(boardKind({ type: 'weird', parameters: { pixelId: 'p' } })).toBe('pixel');
    expect(boardKind({ type: 'weird', parameters: {} })).toBe('mixed');
    expect(createType('mixed')).toBe('open');
    expect(createType('website')).toBe('website');
  });
  it('resolves what a widget reads: the board entity first, else its own', () => {
    const site = { type: 'website', parameters: { websiteId: 'w1' } };
    expect(boardEntity(site)).toEqual({ type: 'website', id: 'w1' });
    expect(widgetEntity(site, { type: 'WorldMap', entityType: 'link', entityId: 'l1' })).toEqual({ type: 'website', id: 'w1' });
    const open = { type: 'mixed', parameters: {} };
    expect(widgetEntity(open, { type: 'WorldMap', entityType: 'link', entityId: 'l1' })).toEqual({ type: 'link', id: 'l1' });
    expect(widgetEntity(open, { type: 'WorldMap', websiteId: 'w2' })).toEqual({ type: 'website', id: 'w2' });
    expect(widgetEntity(open, { type: 'TextBlock' })).toEqual({});
  });
  it('sets one entity and keeps everything else', () => {
    const p: BoardParameters = { websiteId: 'w', rows: [], custom: 1 };
    expect(withEntity(p, 'link', 'l')).toEqual({ linkId: 'l', rows: [], custom: 1 });
    expect(withEntity(p, 'mixed')).toEqual({ rows: [], custom: 1 });
  });
  it('adds, moves and removes rows and columns', () => {
    const id = ids();
    let p: BoardParameters = { websiteId: 'w' };
    p = addRow(p, id);
    p = addRow(p, id);
    expect(rowsOf(p).map((r) => r.id)).toEqual(['id1', 'id3']);
    p = moveRow(p, 'id3', -1);
    expect(rowsOf(p).map((r) => r.id)).toEqual(['id3', 'id1']);
    expect(moveRow(p, 'id3', -1)).toBe(p);
    for (let i = 0; i < 5; i++) p = addColumn(p, 'id1', id);
    expect(rowsOf(p)[1].columns).toHaveLength(MAX_COLUMNS);
    p = setComponent(p, 'id1', 'id2', { type: 'MetricsTable', props: { type: 'browser', limit: 5 } });
    expect(widgetCount(p)).toBe(1);
    expect(rowsOf(p)[1].columns[0].component?.props).toEqual({ type: 'browser', limit: 5 });
    p = removeColumn(p, 'id3', 'id4');
    expect(rowsOf(p).map((r) => r.id)).toEqual(['id1']);
    p = removeRow(p, 'id1');
    expect(rowsOf(p)).toEqual([]);
    expect(p.websiteId).toBe('w');
  });
});
