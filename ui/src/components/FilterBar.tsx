import { useState, type FormEvent } from 'react';
import { t, type StringKey } from '../i18n';
import { FILTER_COLUMNS, OPERATORS, parseFilters, type Filter, type FilterColumn, type Operator } from '../lib/filters';
import { setSearch, useLocation } from '../lib/router';
import { displayName } from '../lib/format';
import { useApi } from '../lib/cache';
import type { RangeState } from '../lib/useRange';
import { Modal } from './ui';

/** Metric type that lists a column's values (for suggestions). */
const SUGGEST: Partial<Record<FilterColumn, string>> = {
  path: 'path', referrer: 'referrer', title: 'title', query: 'query', hostname: 'hostname', tag: 'tag', event: 'event',
  browser: 'browser', os: 'os', device: 'device', language: 'language', country: 'country', region: 'region', city: 'city',
  utmSource: 'utmSource', utmMedium: 'utmMedium', utmCampaign: 'utmCampaign', utmContent: 'utmContent', utmTerm: 'utmTerm',
};

export function FilterBar({ websiteId, range }: { websiteId: string; range: RangeState }) {
  const { search } = useLocation();
  const filters = parseFilters(search);
  const [open, setOpen] = useState(false);
  const matchAny = search.get('match') === 'any';
  return (
    <div className="filter-bar">
      <button className="btn" onClick={() => setOpen(true)} aria-haspopup="dialog">
        ⚲ {t('filter.add')}
      </button>
      {filters.map((f) => (
        <span className="chip" key={f.column}>
          <span>
            <b>{t(('col.' + f.column) as StringKey)}</b> {t(('op.' + f.op) as StringKey)} <b>{f.op === 'eq' || f.op === 'neq' ? displayName(f.column, f.value) : f.value}</b>
          </span>
          <button className="chip-x" aria-label={t('filter.remove', { name: t(('col.' + f.column) as StringKey) })} onClick={() => setSearch({ [f.column]: null })}>
            ✕
          </button>
        </span>
      ))}
      {filters.length > 1 && (
        <label className="match-any">
          <input type="checkbox" checked={matchAny} onChange={(e) => setSearch({ match: e.target.checked ? 'any' : null })} /> {t('filter.matchAny')}
        </label>
      )}
      {filters.length > 0 && (
        <button className="btn small link" onClick={() => setSearch(Object.fromEntries([...filters.map((f) => [f.column, null]), ['match', null]]))}>
          {t('filter.clear')}
        </button>
      )}
      {open && <FilterBuilder websiteId={websiteId} range={range} onClose={() => setOpen(false)} />}
    </div>
  );
}

function FilterBuilder({ websiteId, range, onClose }: { websiteId: string; range: RangeState; onClose: () => void }) {
  const [column, setColumn] = useState<FilterColumn>('path');
  const [op, setOp] = useState<Operator>('eq');
  const [value, setValue] = useState('');
  // h3 adds /values (Umami 3.1's suggestion route); until it exists the metrics of the column stand in.
  const values = useApi<string[] | { value: string }[]>(`/websites/${websiteId}/values`, { type: column, search: value, startAt: range.startAt, endAt: range.endAt });
  const metrics = useApi<{ x: string }[]>(values.error && SUGGEST[column] ? `/websites/${websiteId}/metrics` : null, { type: SUGGEST[column], search: value, limit: 20, startAt: range.startAt, endAt: range.endAt });
  const suggestions: string[] = values.data
    ? (values.data as unknown[]).map((v) => (typeof v === 'string' ? v : (v as { value: string }).value)).filter(Boolean)
    : (metrics.data ?? []).map((m) => m.x).filter(Boolean);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!value) return;
    const f: Filter = { column, op, value };
    setSearch({ [f.column]: `${f.op}.${f.value}`, offset: null });
    onClose();
  };
  return (
    <Modal title={t('filter.add')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <label>
          {t('filter.column')}
          <select name="column" value={column} onChange={(e) => setColumn(e.target.value as FilterColumn)}>
            {FILTER_COLUMNS.map((c) => (
              <option key={c} value={c}>
                {t(('col.' + c) as StringKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter.operator')}
          <select name="operator" value={op} onChange={(e) => setOp(e.target.value as Operator)}>
            {OPERATORS.map((o) => (
              <option key={o} value={o}>
                {t(('op.' + o) as StringKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter.value')}
          <input name="value" list="filter-values" value={value} onChange={(e) => setValue(e.target.value)} required autoComplete="off" />
          <datalist id="filter-values">
            {suggestions.slice(0, 20).map((s) => (
              <option key={s} value={s}>
                {displayName(column, s)}
              </option>
            ))}
          </datalist>
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn primary">
            {t('filter.apply')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
