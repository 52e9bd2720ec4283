import { formatDuration, formatNumber, formatPercent } from '../lib/format';
import { Empty } from '../components/ui';
import type { ReportType } from './reportTypes';

type Row = Record<string, unknown>;
type NameValue = { name: string; value: number };

/** A report's answer as Umami shows it: funnel bars, retention grid, journey paths, goal bar, tables. */
export function ReportResult({ type, data }: { type: ReportType; data: unknown }) {
  switch (type) {
    case 'funnel':
      return <Funnel steps={data as Row[]} />;
    case 'retention':
      return <Retention rows={data as Row[]} />;
    case 'journey':
      return <Journey rows={data as { items: (string | null)[]; count: number }[]} />;
    case 'goal': {
      const g = data as { num: number; total: number };
      return (
        <div className="report-goal">
          <Bar share={g.total ? Math.min(1, g.num / g.total) : 0} />
          <p>
            {formatNumber(g.num)} / {formatNumber(g.total)}
          </p>
        </div>
      );
    }
    case 'utm': {
      const u = data as Record<string, { utm: string; views: number }[]>;
      return (
        <div className="grid2">
          {Object.entries(u).map(([k, rows]) => (
            <NameValueTable key={k} title={k} rows={rows.map((r) => ({ name: r.utm, value: r.views }))} />
          ))}
        </div>
      );
    }
    case 'revenue': {
      const r = data as { chart: { x: string; t: string; y: number }[]; total: Row & { comparison: Row } } & Record<string, NameValue[]>;
      return (
        <div>
          <p className="report-totals">
            Revenue {formatNumber(Number(r.total.sum))} · payments {formatNumber(Number(r.total.count))} · customers {formatNumber(Number(r.total.unique_count))} · average{' '}
            {Number(r.total.average).toFixed(2)} (previous period {formatNumber(Number(r.total.comparison.sum))})
          </p>
          <Table columns={['event', 'time', 'revenue']} rows={r.chart.map((c) => [c.x, c.t, c.y])} />
          <div className="grid2">
            {['country', 'region', 'referrer', 'channel'].map((k) => (
              <NameValueTable key={k} title={k} rows={r[k]} />
            ))}
          </div>
        </div>
      );
    }
    case 'attribution': {
      const a = data as Record<string, NameValue[]> & { total: Row };
      return (
        <div>
          <p className="report-totals">
            Conversions {formatNumber(Number(a.total.pageviews))} · visitors {formatNumber(Number(a.total.visitors))} · visits {formatNumber(Number(a.total.visits))}
          </p>
          <div className="grid2">
            {['referrer', 'paidAds', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'].map((k) => (
              <NameValueTable key={k} title={k} rows={a[k]} />
            ))}
          </div>
        </div>
      );
    }
    case 'breakdown': {
      const rows = data as Row[];
      if (rows.length === 0) return <Empty>No data</Empty>;
      const fields = Object.keys(rows[0]).filter((k) => !['views', 'visitors', 'visits', 'bounces', 'totaltime'].includes(k));
      return (
        <Table
          columns={[...fields, 'views', 'visitors', 'visits', 'bounce rate', 'visit duration']}
          rows={rows.map((r) => [
            ...fields.map((f) => (r[f] as string) ?? '—'),
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

function Bar({ share }: { share: number }) {
  return (
    <div className="report-bar" aria-hidden="true">
      <div style={{ width: `${share * 100}%` }} />
    </div>
  );
}

function Funnel({ steps }: { steps: Row[] }) {
  return (
    <ol className="report-funnel">
      {steps.map((s, i) => (
        <li key={i}>
          <strong>
            {i + 1}. {String(s.type) === 'event' ? 'Event' : 'Page'} {String(s.value)}
          </strong>
          <Bar share={Number(s.remaining ?? 0)} />
          <span>
            {formatNumber(Number(s.visitors))} visitors · {formatPercent(Number(s.remaining ?? 0))}
            {i > 0 && <> · dropped {formatNumber(Number(s.dropped))} ({formatPercent(Number(s.dropoff ?? 0))})</>}
          </span>
        </li>
      ))}
    </ol>
  );
}

function Retention({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return <Empty>No data</Empty>;
  const dates = [...new Set(rows.map((r) => String(r.date)))];
  const maxDay = Math.max(...rows.map((r) => Number(r.day)));
  const cell = new Map(rows.map((r) => [`${r.date}|${r.day}`, r]));
  const days = Array.from({ length: maxDay + 1 }, (_, i) => i);
  return (
    <div className="table-wrap">
      <table className="table report-retention">
        <thead>
          <tr>
            <th>Date</th>
            <th className="num">Visitors</th>
            {days.map((d) => (
              <th key={d} className="num">
                Day {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dates.map((date) => (
            <tr key={date}>
              <td>{date.slice(0, 10)}</td>
              <td className="num">{formatNumber(Number(cell.get(`${date}|0`)?.visitors ?? 0))}</td>
              {days.map((d) => {
                const c = cell.get(`${date}|${d}`);
                const pct = c ? Number(c.percentage) : 0;
                return (
                  <td key={d} className="num" style={{ background: c ? `rgba(37, 99, 235, ${Math.min(1, pct / 100) * 0.6})` : undefined }}>
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
  if (rows.length === 0) return <Empty>No data</Empty>;
  const max = rows[0].count;
  return (
    <ol className="report-journey">
      {rows.map((r, i) => (
        <li key={i}>
          <span>{r.items.filter((x) => x !== null).join(' → ')}</span>
          <Bar share={r.count / max} />
          <span className="num">{formatNumber(r.count)}</span>
        </li>
      ))}
    </ol>
  );
}

function NameValueTable({ title, rows }: { title: string; rows: NameValue[] }) {
  return (
    <section className="card panel" aria-label={title}>
      <h2 className="card-title">{title}</h2>
      {rows.length === 0 ? <Empty>No data</Empty> : <Table columns={['name', 'value']} rows={rows.map((r) => [r.name, r.value])} />}
    </section>
  );
}

function Table({ columns, rows }: { columns: string[]; rows: (string | number)[][] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j} className={typeof v === 'number' ? 'num' : 'wrap'}>
                  {typeof v === 'number' ? formatNumber(v) : v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
