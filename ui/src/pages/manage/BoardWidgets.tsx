import { t, type StringKey } from '../../i18n';
import { useApi } from '../../lib/cache';
import { countryName, displayName, formatDuration, formatNumber, formatPercent } from '../../lib/format';
import type { BoardComponent, EntityType } from '../../lib/boards';
import type { RangeState } from '../../lib/useRange';
import { WorldMap } from '../../components/charts';
import { Empty, ErrorBox, Spinner } from '../../components/ui';
import { Heatmap } from '../OverviewView';
import type { Website } from '../WebsitesPage';
import { HitsChart } from './TrackedStats';

// The widgets a Footfall board draws, by the component type names Umami 3.x boards store. A board
// may hold other Umami widgets (goals, funnels, revenue, …): they are kept as they are and shown as
// "not drawn here" instead of being dropped.

export type WidgetDef = { type: string; label: StringKey; forTracked: boolean; needsEntity: boolean };

export const WIDGETS: WidgetDef[] = [
  { type: 'WebsiteMetricsBar', label: 'widget.WebsiteMetricsBar', forTracked: true, needsEntity: true },
  { type: 'WebsiteChart', label: 'widget.WebsiteChart', forTracked: true, needsEntity: true },
  { type: 'MetricsTable', label: 'widget.MetricsTable', forTracked: true, needsEntity: true },
  { type: 'WorldMap', label: 'widget.WorldMap', forTracked: true, needsEntity: true },
  { type: 'WeeklyTraffic', label: 'widget.WeeklyTraffic', forTracked: true, needsEntity: true },
  { type: 'RealtimeActiveUsers', label: 'widget.RealtimeActiveUsers', forTracked: false, needsEntity: true },
  { type: 'TextBlock', label: 'widget.TextBlock', forTracked: true, needsEntity: false },
];

/** Metric types a table widget offers; links and pixels have no pages, titles or events. */
export const TABLE_TYPES = ['path', 'entry', 'exit', 'title', 'query', 'referrer', 'channel', 'country', 'region', 'city', 'browser', 'os', 'device', 'language', 'screen', 'event', 'hostname', 'utmSource', 'utmMedium', 'utmCampaign'];
export const TRACKED_TABLE_TYPES = ['referrer', 'channel', 'browser', 'os', 'device', 'country', 'region', 'city'];
export const LIMITS = [5, 10, 20];

export function widgetDef(type: string): WidgetDef | undefined {
  return WIDGETS.find((w) => w.type === type);
}

/** A widget's heading: its own title, else what it shows (a top list: its metric); text blocks have none by default. */
export function widgetTitle(c: BoardComponent): string | undefined {
  if (c.title) return c.title;
  if (c.type === 'TextBlock') return undefined;
  if (c.type === 'MetricsTable') return t(('metric.' + String(c.props?.type ?? 'path')) as StringKey);
  const def = widgetDef(c.type);
  return def ? t(def.label) : c.type;
}

export function widgetsFor(entity?: EntityType): WidgetDef[] {
  return WIDGETS.filter((w) => entity === undefined || entity === 'website' || w.forTracked);
}

export function WidgetBody({ c, entity, range }: { c: BoardComponent; entity: { type?: EntityType; id?: string }; range: RangeState }) {
  const def = widgetDef(c.type);
  if (!def) return <p className="muted small">{t('boards.unsupported', { type: c.type })}</p>;
  if (c.type === 'TextBlock') return <p className="text-block">{String(c.props?.text ?? '')}</p>;
  if (!entity.id) return <p className="muted small">{t('boards.noEntity')}</p>;
  const id = entity.id;
  switch (c.type) {
    case 'WebsiteMetricsBar':
      return <MetricsBar id={id} tracked={entity.type !== 'website'} range={range} />;
    case 'WebsiteChart':
      return <HitsChart id={id} range={range} fp={{}} height={220} />;
    case 'MetricsTable':
      return <TopList id={id} type={String(c.props?.type ?? 'path')} limit={Number(c.props?.limit ?? 10)} range={range} />;
    case 'WorldMap':
      return <MapWidget id={id} range={range} />;
    case 'WeeklyTraffic':
      return <Heatmap site={{ id } as Website} range={range} fp={{}} />;
    case 'RealtimeActiveUsers':
      return <Active id={id} />;
  }
  return null;
}

type Stats = { pageviews: number; visitors: number; visits: number; bounces: number; totaltime: number };

function MetricsBar({ id, tracked, range }: { id: string; tracked: boolean; range: RangeState }) {
  const q = useApi<Stats>(`/websites/${id}/stats`, { startAt: range.startAt, endAt: range.endAt });
  if (q.error) return <ErrorBox error={q.error} onRetry={q.reload} />;
  const s = q.data;
  const items: [string, StringKey, string][] = s
    ? [
        ['visitors', 'overview.visitors', formatNumber(s.visitors)],
        ['visits', 'overview.visits', formatNumber(s.visits)],
        ['views', 'overview.views', formatNumber(s.pageviews)],
        ...(tracked
          ? []
          : ([
              ['bounceRate', 'overview.bounceRate', formatPercent(s.visits ? Math.min(1, s.bounces / s.visits) : 0)],
              ['visitDuration', 'overview.visitDuration', formatDuration(s.visits ? s.totaltime / s.visits : 0)],
            ] as [string, StringKey, string][])),
      ]
    : [];
  if (!s) return <Spinner />;
  return (
    <dl className="widget-metrics">
      {items.map(([key, label, value]) => (
        <div key={key} data-stat={key}>
          <dt>{t(label)}</dt>
          <dd className="stat-value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function TopList({ id, type, limit, range }: { id: string; type: string; limit: number; range: RangeState }) {
  const q = useApi<{ x: string | null; y: number }[]>(`/websites/${id}/metrics`, { ...range.params, type, limit });
  if (q.error) return <ErrorBox error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Spinner />;
  const rows = q.data.filter((r) => r.x !== null && r.x !== '');
  if (rows.length === 0) return <Empty>{t('common.none')}</Empty>;
  const max = Math.max(1, ...rows.map((r) => r.y));
  return (
    <ol className="metric-rows widget-list">
      {rows.map((r) => (
        <li className="metric-row" key={r.x}>
          <span className="bar" style={{ width: `${(r.y / max) * 100}%` }} aria-hidden="true" />
          <span className="row-label" title={r.x ?? ''}>
            {displayName(type, r.x)}
          </span>
          <span className="row-value">{formatNumber(r.y)}</span>
        </li>
      ))}
    </ol>
  );
}

function MapWidget({ id, range }: { id: string; range: RangeState }) {
  const q = useApi<{ x: string; y: number }[]>(`/websites/${id}/metrics`, { ...range.params, type: 'country', limit: 300 });
  if (q.error) return <ErrorBox error={q.error} onRetry={q.reload} />;
  return <WorldMap data={q.data ?? []} label={countryName} />;
}

function Active({ id }: { id: string }) {
  const q = useApi<{ visitors: number }>(`/websites/${id}/active`, undefined, 30_000);
  if (q.error) return <ErrorBox error={q.error} onRetry={q.reload} />;
  return (
    <p className="widget-active">
      <span className="dot" aria-hidden="true" /> <strong className="stat-value">{q.data ? formatNumber(q.data.visitors) : '…'}</strong> {t('widget.onlineNow')}
    </p>
  );
}
