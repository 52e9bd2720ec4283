import { useState, type FormEvent } from 'react';
import { t, type StringKey } from '../i18n';
import { FILTER_COLUMNS, OPERATORS, parseFilters, type Filter, type FilterColumn, type Operator } from '../lib/filters';
import { setSearch, useLocation } from '../lib/router';
import { displayName } from '../lib/format';
import { invalidate, useApi, type Query } from '../lib/cache';
import { api } from '../lib/api';
import { describe, pickChanges, pickedValue, segmentParameters, type Segment } from '../lib/segments';
import type { RangeState } from '../lib/useRange';
import { ErrorBox, FormActions, Modal } from './ui';

/** Metric type that lists a column's values (for suggestions). */
const SUGGEST: Partial<Record<FilterColumn, string>> = {
  path: 'path', referrer: 'referrer', title: 'title', query: 'query', hostname: 'hostname', tag: 'tag', event: 'event',
  browser: 'browser', os: 'os', device: 'device', language: 'language', country: 'country', region: 'region', city: 'city',
  utmSource: 'utmSource', utmMedium: 'utmMedium', utmCampaign: 'utmCampaign', utmContent: 'utmContent', utmTerm: 'utmTerm',
};

export function FilterBar({ websiteId, range, shared = false }: { websiteId: string; range: RangeState; shared?: boolean }) {
  const { search } = useLocation();
  const filters = parseFilters(search);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const matchAny = search.get('match') === 'any';
  // Saved segments and cohorts (not readable with a share token: the share page has no picker).
  const segs = useApi<SegPage>(shared ? null : `/websites/${websiteId}/segments`, { type: 'segment', pageSize: 100 }, undefined, true);
  const cohorts = useApi<SegPage>(shared ? null : `/websites/${websiteId}/segments`, { type: 'cohort', pageSize: 100 }, undefined, true);
  return (
    <div className="filter-bar">
      {!shared && <SegmentPicker segs={segs} cohorts={cohorts} />}
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
      {filters.length > 0 && !shared && (
        <button className="btn small" onClick={() => setSaving(true)}>
          {t('segments.save')}
        </button>
      )}
      {open && <FilterBuilder websiteId={websiteId} range={range} onClose={() => setOpen(false)} />}
      {saving && <SaveSegment websiteId={websiteId} filters={filters} matchAny={matchAny} onClose={() => setSaving(false)} onSaved={segs.reload} />}
    </div>
  );
}

type SegPage = { data: Segment[] };

/** Applies a saved segment or cohort (segment=<id> / cohort=<id> in the URL). */
function SegmentPicker({ segs, cohorts }: { segs: Query<SegPage>; cohorts: Query<SegPage> }) {
  const { search } = useLocation();
  const value = pickedValue(search);
  const s = segs.data?.data ?? [];
  const c = cohorts.data?.data ?? [];
  if (!value && s.length === 0 && c.length === 0) return null;
  return (
    <select className="segment-pick" aria-label={t('segments.pick')} value={value} onChange={(e) => setSearch(pickChanges(e.target.value))} title={segs.error || cohorts.error ? t('segments.loadFailed') : undefined}>
      <option value="">{t('segments.all')}</option>
      {s.length > 0 && (
        <optgroup label={t('nav.segments')}>
          {s.map((x) => (
            <option key={x.id} value={'segment:' + x.id}>
              {x.name}
            </option>
          ))}
        </optgroup>
      )}
      {c.length > 0 && (
        <optgroup label={t('nav.cohorts')}>
          {c.map((x) => (
            <option key={x.id} value={'cohort:' + x.id}>
              {x.name}
            </option>
          ))}
        </optgroup>
      )}
      {value && ![...s, ...c].some((x) => value.endsWith(':' + x.id)) && <option value={value}>{segs.loading || cohorts.loading ? t('common.loading') : t('segments.unknown')}</option>}
    </select>
  );
}

function SaveSegment({ websiteId, filters, matchAny, onClose, onSaved }: { websiteId: string; filters: Filter[]; matchAny: boolean; onClose: () => void; onSaved: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const seg = await api<Segment>(`/websites/${websiteId}/segments`, { body: { type: 'segment', name: name.trim(), parameters: segmentParameters(filters, matchAny) } });
      invalidate(`/websites/${websiteId}/segments`);
      onSaved();
      onClose();
      // The segment now carries these filters: apply it in their place.
      setSearch({ ...Object.fromEntries(filters.map((f) => [f.column, null])), match: null, cohort: null, segment: seg.id });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal title={t('segments.save')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {error != null && <ErrorBox error={error} />}
        <p className="muted">{describe(segmentParameters(filters, matchAny))}</p>
        <label>
          {t('segments.name')}
          <input name="segmentName" value={name} maxLength={200} required autoFocus onChange={(e) => setName(e.target.value)} />
        </label>
        <FormActions onCancel={onClose} submit={t('common.save')} />
      </form>
    </Modal>
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
        <FormActions onCancel={onClose} submit={t('filter.apply')} />
      </form>
    </Modal>
  );
}
