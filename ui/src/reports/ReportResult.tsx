import { t, type StringKey } from '../i18n';
import { displayName, formatDuration, formatNumber, formatPercent } from '../lib/format';
import { Bar, Figure, Label, NameValueTable, ReportEmpty, Table } from './ReportParts';
import { RevenueResult, type RevenueData } from './RevenueResult';
import type { ReportParameters, ReportType } from './reportTypes';

type Row = Record<string, unknown>;
type NameValue = { name: string; value: number };
export type RangeView = { startAt: number; endAt: number; unit: string; tz: string };

/** Report types whose answer is a set of cards of its own (the page does not wrap it in another card). */
export const CARD_RESULTS: ReadonlySet<ReportType> = new Set(['utm', 'revenue', 'attribution']);

const stepName = (type: unknown, value: unknown) => `${t(String(type) === 'event' ? 'report.type.event' : 'report.type.path')} ${String(value ?? '')}`;

/** A report's answer as Umami shows it: funnel bars, retention grid, journey paths, goal bar, tables. */
export function ReportResult({ type, data, range, currency, compare, parameters = {} }: { type: ReportType; data: unknown; range: RangeView; currency: string; compare: boolean; parameters?: ReportParameters }) {
  switch (type) {
    case 'funnel':
      return <Funnel steps={data as Row[]} />;
    case 'retention':
      return <Retention rows={data as Row[]} />;
    case 'journey':
      return <Journey rows={data as { items: (string | null)[]; count: number }[]} />;
    case 'goal': {
      const g = data as { num: number; total: number };
      const goal = stepName(parameters.type, parameters.value);
      if (!g.total) return <ReportEmpty title={t('report.empty.visitors')} hint={t('report.empty.range')} />;
      const share = Math.min(1, g.num / g.total);
      return (
        <div className="report-goal" data-report="goal">
          <div className="report-goal-head">
            <strong className="report-goal-pct" data-value="share">{formatPercent(share)}</strong>
            <Label text={goal} />
          </div>
          <Bar share={share} />
          <p className="report-totals">{t('report.goal.reached', { num: formatNumber(g.num), total: formatNumber(g.total) })}</p>
        </div>
      );
    }
    case 'utm': {
      const u = data as Record<string, { utm: string; views: number }[]>;
      if (Object.values(u).every((rows) => rows.length === 0)) return <ReportEmpty title={t('report.utm.empty')} hint={t('report.utm.emptyHint')} />;
      return (
        <div className="grid2 report-lists">
          {Object.entries(u).map(([k, rows]) => (
            <NameValueTable key={k} id={k} title={t(`report.utm.${k}` as StringKey)} valueLabel={t('report.views')} empty={t('report.list.empty')} rows={rows.map((r) => ({ name: r.utm, value: r.views }))} />
          ))}
        </div>
      );
    }
    case 'revenue':
      return <RevenueResult data={data as RevenueData} range={range} currency={currency} compare={compare} />;
    case 'attribution': {
      const a = data as Record<string, NameValue[]> & { total: Row };
      if (!Number(a.total.pageviews)) return <ReportEmpty title={t('report.attribution.empty', { step: stepName(parameters.type, parameters.step) })} hint={t('report.attribution.emptyHint')} />;
      return (
        <div>
          <dl className="card report-figures" data-report="attribution-total">
            <Figure id="pageviews" label={t('report.attribution.conversions')} value={formatNumber(Number(a.total.pageviews))} />
            <Figure id="visitors" label={t('report.visitors')} value={formatNumber(Number(a.total.visitors))} />
            <Figure id="visits" label={t('report.visits')} value={formatNumber(Number(a.total.visits))} />
          </dl>
          <div className="grid2 report-lists">
            {['referrer', 'paidAds', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'].map((k) => (
              <NameValueTable key={k} id={k} title={t(`report.attribution.${k}` as StringKey)} valueLabel={t('report.attribution.conversions')} empty={t('report.list.empty')} rows={a[k]} />
            ))}
          </div>
        </div>
      );
    }
    case 'breakdown': {
      const rows = data as Row[];
      if (rows.length === 0) return <ReportEmpty title={t('report.breakdown.empty')} hint={t('report.empty.range')} />;
      const fields = Object.keys(rows[0]).filter((k) => !['views', 'visitors', 'visits', 'bounces', 'totaltime'].includes(k));
      return (
        <Table
          id="breakdown"
          numeric={[0, 1, 2, 3, 4].map((i) => fields.length + i)}
          columns={[...fields.map((f) => t(`report.field.${f}` as StringKey)), t('report.views'), t('report.visitors'), t('report.visits'), t('report.bounceRate'), t('report.visitDuration')]}
          rows={rows.map((r) => [
            ...fields.map((f) => (r[f] ? displayName(f, String(r[f])) : '—')),
            Number(r.views),
            Number(r.visitors),
            Number(r.visits),
            formatPercent(Number(r.visits) ? Number(r.bounces) / Number(r.visits) : 0),
            formatDuration(Number(r.visits) ? Number(r.totaltime) / Number(r.visits) : 0),
          ])}
        />
      );
    }
  }
}

function Funnel({ steps }: { steps: Row[] }) {
  if (steps.length === 0 || Number(steps[0].visitors) === 0) {
    const first = steps[0];
    return <ReportEmpty title={t('report.funnel.empty', { step: first ? stepName(first.type, first.value) : '' })} hint={t('report.funnel.emptyHint')} />;
  }
  return (
    <ol className="report-funnel" data-report="funnel">
      {steps.map((s, i) => (
        <li key={i} data-step={i + 1}>
          <div className="report-funnel-head">
            <span className="report-step-no">{i + 1}</span>
            <strong className="report-label" title={String(s.value)}>
              <span className="report-step-type">{t(String(s.type) === 'event' ? 'report.type.event' : 'report.type.path')}</span> {String(s.value)}
            </strong>
            <span className="report-funnel-pct">{formatPercent(Number(s.remaining ?? 0))}</span>
          </div>
          <Bar share={Number(s.remaining ?? 0)} />
          <span className="report-sub">
            <span data-value="visitors">{t('report.funnel.visitors', { n: formatNumber(Number(s.visitors)) })}</span> ·{' '}
            {t('report.funnel.remaining', { pct: formatPercent(Number(s.remaining ?? 0)) })}
            {i > 0 && (
              <>
                {' '}
                · <span data-value="dropped" className={Number(s.dropped) > 0 ? 'report-dropped' : undefined}>{t('report.funnel.dropped', { n: formatNumber(Number(s.dropped)), pct: formatPercent(Number(s.dropoff ?? 0)) })}</span>
              </>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** A cohort's day, e.g. "Mon, Mar 2" (the API's dates are days in the report's zone, so read them as UTC). */
export function cohortDay(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date.slice(0, 10);
  return d.toLocaleDateString(undefined, { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
}

function Retention({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return <ReportEmpty title={t('report.empty.visitors')} hint={t('report.retention.emptyHint')} />;
  const dates = [...new Set(rows.map((r) => String(r.date)))];
  const maxDay = Math.max(...rows.map((r) => Number(r.day)));
  const cell = new Map(rows.map((r) => [`${r.date}|${r.day}`, r]));
  const days = Array.from({ length: maxDay + 1 }, (_, i) => i);
  return (
    <div className="table-wrap">
      <table className="table report-retention" data-report="retention">
        <thead>
          <tr>
            <th>{t('report.retention.date')}</th>
            <th className="num">{t('report.visitors')}</th>
            {days.map((d) => (
              <th key={d} className="num">
                {t('report.retention.day', { n: d })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dates.map((date) => (
            <tr key={date} data-date={date.slice(0, 10)}>
              <td className="nowrap" title={date.slice(0, 10)}>
                {cohortDay(date)}
              </td>
              <td className="num">{formatNumber(Number(rows.find((r) => String(r.date) === date)?.visitors ?? 0))}</td>
              {days.map((d) => {
                const c = cell.get(`${date}|${d}`);
                const pct = c ? Number(c.percentage) : 0;
                // The share tints the cell with the theme's accent colour (reports.css mixes it from --share).
                return (
                  <td key={d} className="num report-cell" data-day={d} style={c ? { ['--share' as string]: `${Math.round(Math.min(1, pct / 100) * 100)}%` } : undefined} title={c ? t('report.retention.cell', { n: formatNumber(Number(c.returnVisitors)), total: formatNumber(Number(c.visitors)), day: d }) : undefined}>
                    {c ? formatPercent(pct / 100) : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Journey({ rows }: { rows: { items: (string | null)[]; count: number }[] }) {
  if (rows.length === 0) return <ReportEmpty title={t('report.journey.empty')} hint={t('report.journey.emptyHint')} />;
  const max = rows[0].count;
  return (
    <ol className="report-journey" data-report="journey">
      {rows.map((r, i) => (
        <li key={i}>
          <span className="report-path">
            {r.items
              .filter((x) => x !== null)
              .map((x, j) => (
                // Long names give up more of their width than short ones (shrink weighted by length), so /pricing
                // stays readable beside a very long path.
                <span key={j} className="report-path-step" style={{ flexShrink: x!.length }}>
                  {j > 0 && <span className="report-arrow" aria-hidden="true">→</span>}
                  <span className="report-path-item" title={x!}>
                    {x}
                  </span>
                </span>
              ))}
          </span>
          <Bar share={r.count / max} />
          <span className="num" data-value="count">
            {formatNumber(r.count)}
          </span>
        </li>
      ))}
    </ol>
  );
}

