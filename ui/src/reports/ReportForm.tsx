import { t, type StringKey } from '../i18n';
import { BREAKDOWN_FIELDS, type ReportParameters, type ReportType, type Step } from './reportTypes';

/** The parameter fields of one report type. */
export function ReportForm({ type, value, onChange }: { type: ReportType; value: ReportParameters; onChange: (p: ReportParameters) => void }) {
  const set = (k: string, v: unknown) => onChange({ ...value, [k]: v });
  switch (type) {
    case 'funnel':
      return (
        <div className="report-form">
          <StepsEditor steps={(value.steps as Step[]) ?? []} onChange={(s) => set('steps', s)} />
          <label>
            {t('report.window')} <input className="report-narrow" type="number" min={1} value={Number(value.window ?? 60)} onChange={(e) => set('window', Number(e.target.value))} />
          </label>
        </div>
      );
    case 'journey':
      return (
        <div className="report-form">
          <label>
            {t('report.steps')}{' '}
            <select value={Number(value.steps ?? 3)} onChange={(e) => set('steps', Number(e.target.value))}>
              {[3, 4, 5, 6, 7].map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <label>
            {t('report.startStep')} <input value={String(value.startStep ?? '')} onChange={(e) => set('startStep', e.target.value)} placeholder={t('report.pathOrEvent')} />
          </label>
          <label>
            {t('report.endStep')} <input value={String(value.endStep ?? '')} onChange={(e) => set('endStep', e.target.value)} placeholder={t('report.optional')} />
          </label>
        </div>
      );
    case 'goal':
      return (
        <div className="report-form">
          <span className="report-field">
            <span className="report-field-name" aria-hidden="true">{t('report.goal')}</span>
            <TypeSelect value={String(value.type ?? 'path')} onChange={(v) => set('type', v)} />
            <input className="report-wide" aria-label={t('report.goal')} placeholder={t('report.pathOrEvent')} value={String(value.value ?? '')} onChange={(e) => set('value', e.target.value)} />
          </span>
        </div>
      );
    case 'revenue':
      return (
        <div className="report-form">
          <label>
            {t('report.currency')} <input className="report-currency" value={String(value.currency ?? '')} maxLength={3} size={4} onChange={(e) => set('currency', e.target.value.toUpperCase())} />
          </label>
        </div>
      );
    case 'attribution':
      return (
        <div className="report-form">
          <label>
            {t('report.model')}{' '}
            <select value={String(value.model)} onChange={(e) => set('model', e.target.value)}>
              <option value="first-click">{t('report.model.first')}</option>
              <option value="last-click">{t('report.model.last')}</option>
            </select>
          </label>
          <span className="report-field">
            <span className="report-field-name" aria-hidden="true">{t('report.conversionStep')}</span>
            <TypeSelect value={String(value.type ?? 'path')} onChange={(v) => set('type', v)} />
            <input className="report-wide" aria-label={t('report.conversionStep')} placeholder={t('report.pathOrEvent')} value={String(value.step ?? '')} onChange={(e) => set('step', e.target.value)} />
          </span>
          <label>
            {t('report.currency')} <input className="report-currency" value={String(value.currency ?? '')} maxLength={3} size={4} placeholder={t('report.optional')} onChange={(e) => set('currency', e.target.value.toUpperCase())} />
          </label>
        </div>
      );
    case 'breakdown': {
      const fields = (value.fields as string[]) ?? [];
      return (
        <div className="report-form" role="group" aria-label={t('report.fields')}>
          {BREAKDOWN_FIELDS.map((f) => (
            <label key={f} className="report-check">
              <input type="checkbox" checked={fields.includes(f)} onChange={(e) => set('fields', e.target.checked ? [...fields, f] : fields.filter((x) => x !== f))} />{' '}
              {t(`report.field.${f}` as StringKey)}
            </label>
          ))}
        </div>
      );
    }
    default:
      return null;
  }
}

function TypeSelect({ value, onChange, label }: { value: string; onChange: (v: string) => void; label?: string }) {
  return (
    <select aria-label={label ?? t('report.type')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="path">{t('report.type.path')}</option>
      <option value="event">{t('report.type.event')}</option>
    </select>
  );
}

function StepsEditor({ steps, onChange }: { steps: Step[]; onChange: (s: Step[]) => void }) {
  const update = (i: number, s: Partial<Step>) => onChange(steps.map((x, j) => (j === i ? { ...x, ...s } : x)));
  return (
    <ol className="report-steps" aria-label={t('report.steps')}>
      {steps.map((s, i) => (
        <li key={i}>
          <span className="report-step-no" aria-hidden="true">
            {i + 1}
          </span>
          <TypeSelect value={s.type} label={`${t('report.type')} ${i + 1}`} onChange={(v) => update(i, { type: v as Step['type'] })} />
          <input aria-label={t('report.step', { n: i + 1 })} value={s.value} onChange={(e) => update(i, { value: e.target.value })} />
          {steps.length > 2 && (
            <button type="button" className="icon-btn" aria-label={t('report.removeStep', { n: i + 1 })} onClick={() => onChange(steps.filter((_, j) => j !== i))}>
              ✕
            </button>
          )}
        </li>
      ))}
      {steps.length < 8 && (
        <li>
          <button type="button" className="btn small" onClick={() => onChange([...steps, { type: 'path', value: '/' }])}>
            + {t('report.addStep')}
          </button>
        </li>
      )}
    </ol>
  );
}
