import { useMemo } from 'react';
import { t } from '../i18n';
import { change, countryName, displayName, formatNumber } from '../lib/format';
import { bucketLabels, type Unit } from '../lib/dates';
import { bucketLabel, eventSeries } from '../lib/series';
import { TimeChart, WorldMap } from '../components/charts';
import { NameValueTable, ReportEmpty } from './ReportParts';
import type { RangeView } from './ReportResult';

type NameValue = { name: string; value: number };
type Totals = { sum: number; count: number; unique_count: number; average: number };
export type RevenueData = {
  chart: { x: string; t: string; y: number }[];
  country: NameValue[];
  region: NameValue[];
  referrer: NameValue[];
  channel: NameValue[];
  total: Totals & { comparison: Totals };
};

/** Amounts in the report's currency, two decimals where there are cents. */
export function money(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 2 }).format(value);
  } catch {
    return `${formatNumber(value)} ${currency}`;
  }
}

const LISTS = ['country', 'region', 'referrer', 'channel'] as const;

/** The report's lists with the names the overview's panels show (country and region names, channel labels; referrers as sent). */
export function revenueLists(data: RevenueData): { id: (typeof LISTS)[number]; rows: NameValue[] }[] {
  return LISTS.map((id) => ({ id, rows: data[id].map((r) => ({ name: id === 'referrer' ? r.name : displayName(id, r.name), value: r.value })) }));
}

/** The revenue report as Umami shows it: totals (against the previous period when compared), a chart per event, a map and lists. */
export function RevenueResult({ data, range, currency, compare }: { data: RevenueData; range: RangeView; currency: string; compare: boolean }) {
  const chart = useMemo(() => {
    const labels = bucketLabels(range.startAt, range.endAt, range.unit as Unit, range.tz);
    return {
      labels: labels.map((l) => bucketLabel(l, range.unit as Unit)),
      series: eventSeries(data.chart, labels).map((s) => ({ name: s.name, data: s.data, kind: 'bar' as const })),
    };
  }, [data.chart, range]);
  const total = data.total;
  const prev = total.comparison;
  const fmt = (v: number) => money(v, currency);
  const cards: { id: string; label: string; value: number; previous: number; show: (v: number) => string }[] = [
    { id: 'sum', label: t('report.revenue.sum'), value: total.sum, previous: prev.sum, show: fmt },
    { id: 'count', label: t('report.revenue.count'), value: total.count, previous: prev.count, show: formatNumber },
    { id: 'unique_count', label: t('report.revenue.customers'), value: total.unique_count, previous: prev.unique_count, show: formatNumber },
    { id: 'average', label: t('report.revenue.average'), value: total.average, previous: prev.average, show: fmt },
  ];
  return (
    <div className="report-revenue" data-report="revenue">
      <dl className="card report-figures">
        {cards.map((c) => {
          const ch = change(c.value, c.previous);
          // Nothing in either period: a "0%" badge would only be noise.
          const compared = compare && (c.value !== 0 || c.previous !== 0);
          return (
            <div className="report-figure" data-figure={c.id} key={c.id}>
              <dt>{c.label}</dt>
              <dd>
                <strong className="report-figure-value">{c.show(c.value)}</strong>
                {compared && (
                  <span className={'badge ' + (ch === null || ch === 0 ? 'flat' : ch > 0 ? 'good' : 'bad')} title={t('report.compare.previous', { value: c.show(c.previous) })} data-previous={c.previous}>
                    {ch === null ? 'new' : `${ch > 0 ? '▲' : ch < 0 ? '▼' : ''} ${Math.abs(Math.round(ch * 100))}%`}
                  </span>
                )}
                {compared && <span className="report-figure-note">{t('report.compare.previous', { value: c.show(c.previous) })}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
      {total.count === 0 ? (
        <ReportEmpty title={t('report.revenue.empty', { currency })} hint={t('report.revenue.emptyHint')} />
      ) : (
        <>
          <section className="card chart-card" aria-label={t('report.revenue.chart')}>
            <h2 className="card-title">{t('report.revenue.chart')}</h2>
            <TimeChart labels={chart.labels} series={chart.series} />
          </section>
          <div className="grid2 report-lists">
            <section className="card" aria-label={t('report.revenue.map')}>
              <h2 className="card-title">{t('report.revenue.map')}</h2>
              <WorldMap data={data.country.map((c) => ({ x: c.name, y: c.value }))} label={(code) => countryName(code)} />
            </section>
            {revenueLists(data).map((l) => (
              <NameValueTable key={l.id} id={l.id} title={t(`report.revenue.${l.id}`)} valueLabel={t('report.revenue.sum')} format={fmt} empty={t('report.list.empty')} rows={l.rows} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
