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

export function NameValueTable({ id, title, rows, valueLabel, format = formatNumber }: { id: string; title: string; rows: NameValue[]; valueLabel: string; format?: (n: number) => string }) {
  return (
    <section className="card panel" aria-label={title} data-list={id}>
      <h2 className="card-title">{title}</h2>
      {rows.length === 0 ? (
        <Empty>{t('report.empty')}</Empty>
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
              {r.map((v, j) => (
                <td key={j} className={typeof v === 'number' || numeric.includes(j) ? 'num' : 'wrap'}>
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
