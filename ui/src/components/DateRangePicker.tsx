import { useMemo, useState } from 'react';
import { t, type StringKey } from '../i18n';
import { RANGES, toYmd } from '../lib/dates';
import { setSearch } from '../lib/router';
import type { RangeState } from '../lib/useRange';
import { browserTimeZone } from '../lib/dates';

const zones = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

export function DateRangePicker({ range, showZone = true }: { range: RangeState; showZone?: boolean }) {
  const [from, setFrom] = useState(toYmd(range.startAt, range.tz));
  const [to, setTo] = useState(toYmd(range.endAt, range.tz));
  const zoneList = useMemo(() => (zones.includes(range.tz) ? zones : [range.tz, ...zones]), [range.tz]);
  const label = useMemo(() => {
    const f = new Intl.DateTimeFormat('en', { timeZone: range.tz, month: 'short', day: 'numeric', year: 'numeric', ...(range.unit === 'hour' || range.unit === 'minute' ? { hour: 'numeric', minute: '2-digit' } : {}) });
    return `${f.format(range.startAt)} – ${f.format(range.endAt)}`;
  }, [range]);
  return (
    <div className="range-picker">
      <div className="range-row">
        <button className="icon-btn" aria-label={t('range.previous')} title={t('range.previous')} onClick={() => setSearch({ offset: String(range.offset - 1) })}>
          ‹
        </button>
        <select
          aria-label="date range"
          value={range.key}
          onChange={(e) => {
            const v = e.target.value;
            setSearch({ range: v, offset: null, unit: null, ...(v === 'custom' ? { from, to } : { from: null, to: null }) });
          }}
        >
          {RANGES.map((r) => (
            <option key={r} value={r}>
              {t(('range.' + r) as StringKey)}
            </option>
          ))}
        </select>
        <button
          className="icon-btn"
          aria-label={t('range.next')}
          title={t('range.next')}
          disabled={range.offset >= 0 && range.key !== 'custom' && range.key !== 'lastweek' && range.key !== 'lastmonth' && range.key !== 'lastyear'}
          onClick={() => setSearch({ offset: range.offset + 1 === 0 ? null : String(range.offset + 1) })}
        >
          ›
        </button>
        {showZone && (
          <select aria-label={t('range.timezone')} className="tz-select" value={range.tz} onChange={(e) => setSearch({ tz: e.target.value === browserTimeZone() ? null : e.target.value })}>
            {zoneList.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        )}
      </div>
      {range.key === 'custom' ? (
        <form
          className="range-row custom"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch({ from, to, offset: null, unit: null });
          }}
        >
          <label>
            {t('range.from')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
          </label>
          <label>
            {t('range.to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
          </label>
          <button className="btn small" type="submit">
            {t('filter.apply')}
          </button>
        </form>
      ) : (
        <span className="range-label">{label}</span>
      )}
    </div>
  );
}
