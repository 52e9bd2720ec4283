import type { ReactNode } from 'react';
import { t } from '../i18n';
import { formatNumber } from '../lib/format';
import { Empty } from '../components/ui';

// Pieces the report results share: figures, bars, name/value lists and tables.

type NameValue = { name: string; value: number };

export function Figure({ id, label, value, note }: { id: string; label: string; value: string; note?: string }) {
  return (
    <div className="report-figure" data-figure={id}>
      <dt>{label}</dt>
      <dd>
        <strong className="report-figure-value">{value}</strong>
        {note && <span className="report-figure-note">{note}</span>}
      </dd>
    </div>
  );
}

export function Bar({ share }: { share: number }) {
  return (
    <div className="report-bar" aria-hidden="true">
      <div style={{ width: `${Math.max(0, Math.min(1, share)) * 100}%` }} />
    </div>
  );
}

/** A name that may be very long (a path, a campaign): one line cut with an ellipsis, the whole name in its tooltip. */
export function Label({ text }: { text: string }) {
  return (
    <span className="report-cell-label" title={text}>
      {text}
    </span>
  );
}

/** A report's "nothing here" with what to do about it (a sentence and, when given, a hint under it). */
export function ReportEmpty({ title, hint }: { title: string; hint?: ReactNode }) {
  return (
    <Empty>
      <p className="report-empty-title">{title}</p>
      {hint && <p className="report-empty-hint">{hint}</p>}
    </Empty>
  );
}

export function NameValueTable({ id, title, rows, valueLabel, format = formatNumber, empty }: { id: string; title: string; rows: NameValue[]; valueLabel: string; format?: (n: number) => string; empty?: string }) {
  return (
    <section className="card panel report-list" aria-label={title} data-list={id}>
      <h2 className="card-title">{title}</h2>
      {rows.length === 0 ? (
        <p className="report-list-empty">{empty ?? t('report.empty')}</p>
      ) : (
        <Table id={id} columns={[t('report.name.column'), valueLabel]} rows={rows.map((r) => [r.name, format(r.value)])} numeric={[1]} />
      )}
    </section>
  );
}

export function Table({ id, columns, rows, numeric = [] }: { id: string; columns: string[]; rows: (string | number)[][]; numeric?: number[] }) {
  return (
    <div className="table-wrap">
      <table className="table" data-table={id}>
        <thead>
          <tr>
            {columns.map((c, j) => (
              <th key={c} className={numeric.includes(j) ? 'num' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) =>
                typeof v === 'number' || numeric.includes(j) ? (
                  <td key={j} className="num">
                    {typeof v === 'number' ? formatNumber(v) : v}
                  </td>
                ) : (
                  <td key={j} className="label">
                    <Label text={v} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
