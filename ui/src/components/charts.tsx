// The dashboard's charts, drawn as plain SVG by React: the time chart (bars and lines over time buckets) and
// the choropleths (world by country, a country by region). Hand-written instead of ECharts (200 KB gzipped),
// see ui/README.md "Choices"; the arithmetic is in chartMath.ts and geo.ts.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type PointerEvent } from 'react';
import './charts.css';
// The world's shapes are a static JSON file (hashed name, cached for a year), not a JS module: 108 KB that
// the browser neither parses nor compiles as JavaScript; index.html preloads it (see vite.config.ts).
import worldUrl from 'world-atlas/countries-110m.json?url';
import { formatExact, formatNumber } from '../lib/format';
import { isDark } from '../lib/prefs';
import { barPath, clampLabel, labelStep, niceTicks, shadeAll, shownLabels } from './chartMath';
import { regionShapeSet, worldShapes, type ShapeSet } from './mapShapes';
import type { RegionShapes } from './regionShapes';

const subscribeTheme = (f: () => void) => {
  window.addEventListener('footfall-theme', f);
  return () => window.removeEventListener('footfall-theme', f);
};
/** Re-renders on a theme change: the map shades and series colours are computed, not CSS. */
function useDark(): boolean {
  return useSyncExternalStore(subscribeTheme, isDark);
}

function palette(dark: boolean) {
  return {
    views: dark ? '#4c8dff' : '#2f6feb',
    visitors: dark ? '#8bb7ff' : '#93b6f5',
    compare: dark ? '#6b7280' : '#b8bfcc',
    empty: dark ? '#252b35' : '#eef0f4',
    low: dark ? '#22406f' : '#cfe0ff',
  };
}
const AUTO = ['#2f6feb', '#e8590c', '#2b8a3e', '#ae3ec9', '#f59f00', '#0c8599', '#e03131', '#5c7cfa'];

/** The element's content width, measured before the first paint and on every resize. */
function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}

const AXIS_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
let measureCtx: CanvasRenderingContext2D | null | undefined;
/** A label's width in the axis font (canvas measureText; an estimate where there is no canvas). */
function textWidth(s: string): number {
  if (measureCtx === undefined) {
    measureCtx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
    if (measureCtx) measureCtx.font = AXIS_FONT;
  }
  return measureCtx ? measureCtx.measureText(s).width : s.length * 6.5;
}

/** Where a tooltip of about `w` pixels goes next to the point (x, y) inside a box `width` wide. */
function tipPlace(x: number, y: number, width: number, w = 190) {
  return { left: x + 14 + w > width ? Math.max(0, x - 14 - w) : x + 14, top: Math.max(0, y - 10) };
}

export type SeriesSpec = { name: string; data: number[]; kind: 'bar' | 'line'; color?: 'views' | 'visitors' | 'compare' };

const LEGEND = 26; // px above the plot for the legend row
const PAD = { top: 8, right: 10, bottom: 22 };

/**
 * Bars (overlaid in one column per bucket, visitors in front of views) and lines over time buckets, with
 * a legend that hides/shows a series, a y-axis of round ticks, x labels thinned so none overlap, and a
 * tooltip for the bucket under the pointer, or the one chosen with the arrow keys when the chart has focus.
 * A hidden table gives screen readers every value.
 */
export function TimeChart({ labels, series, height = 280 }: { labels: string[]; series: SeriesSpec[]; height?: number }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const dark = useDark();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState<{ i: number; y: number | null } | null>(null);
  const p = palette(dark);
  const colour = (s: SeriesSpec, i: number) => (s.color ? p[s.color] : AUTO[i % AUTO.length]);
  const shown = series.map((s, i) => ({ s, i, c: colour(s, i) })).filter((x) => !hidden.has(x.s.name));
  const n = labels.length;
  const value = (s: SeriesSpec, i: number) => (Number.isFinite(s.data[i]) ? s.data[i] : 0);

  const ticks = niceTicks(Math.max(0, ...shown.flatMap((x) => x.s.data.map((_, i) => value(x.s, i)))));
  const top = ticks[ticks.length - 1];
  const tickText = ticks.map((v) => formatNumber(v));
  const left = Math.ceil(Math.max(...tickText.map(textWidth))) + 12;
  const svgHeight = Math.max(60, height - LEGEND);
  const plotW = Math.max(1, width - left - PAD.right);
  const plotH = Math.max(1, svgHeight - PAD.top - PAD.bottom);
  const band = plotW / Math.max(1, n);
  const yOf = (v: number) => PAD.top + plotH - (Math.min(v, top) / top) * plotH;
  const xMid = (i: number) => left + band * i + band / 2;
  const step = labelStep(labels.map(textWidth), band);
  const barW = Math.max(1, Math.min(28, band * 0.7));
  // Visitors are drawn after (in front of) views, as they are never more; other bars in the order given.
  const bars = shown.filter((x) => x.s.kind === 'bar').sort((a, b) => Number(a.s.color === 'visitors') - Number(b.s.color === 'visitors'));
  const lines = shown.filter((x) => x.s.kind === 'line');
  const base = PAD.top + plotH;

  const pick = (e: PointerEvent<SVGRectElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const i = Math.floor(((e.clientX - r.left) / Math.max(1, r.width)) * n);
    if (i >= 0 && i < n) setActive({ i, y: e.clientY - r.top + PAD.top });
  };
  const onKey = (e: KeyboardEvent) => {
    if (!n) return;
    const at = active?.i ?? -1;
    const next = { ArrowRight: at + 1, ArrowLeft: at < 0 ? n - 1 : at - 1, Home: 0, End: n - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setActive({ i: Math.min(n - 1, Math.max(0, next)), y: null });
  };
  const tip = active && active.i < n ? tipPlace(xMid(active.i), active.y ?? PAD.top + 10, width) : null;

  return (
    <div className="chart time-chart" style={{ height, width: '100%' }}>
      <div className="tc-legend">
        {series.map((s, i) => (
          <button key={s.name} type="button" className={'tc-key' + (hidden.has(s.name) ? ' off' : '')} aria-pressed={!hidden.has(s.name)}
            onClick={() => setHidden((h) => { const x = new Set(h); if (x.has(s.name)) x.delete(s.name); else x.add(s.name); return x; })}>
            <span className={'tc-swatch ' + s.kind + (s.color === 'compare' ? ' dashed' : '')} style={{ background: s.kind === 'bar' ? colour(s, i) : undefined, borderColor: colour(s, i) }} />
            {s.name}
          </button>
        ))}
      </div>
      <div ref={ref} className="tc-plot" tabIndex={0} role="group" aria-label={series.map((s) => s.name).join(', ')}
        onKeyDown={onKey} onBlur={() => setActive(null)} onFocus={() => setActive((a) => a ?? (n ? { i: n - 1, y: null } : null))}>
        {width > 0 && (
          <svg width={width} height={svgHeight} aria-hidden="true">
            {ticks.map((v, k) => (
              <g key={k}>
                <line className="tc-grid" x1={left} x2={width - PAD.right} y1={Math.round(yOf(v)) + 0.5} y2={Math.round(yOf(v)) + 0.5} />
                <text className="tc-label" x={left - 6} y={yOf(v)} textAnchor="end" dominantBaseline="middle">{tickText[k]}</text>
              </g>
            ))}
            {active && active.i < n && <rect className="tc-shadow" x={left + band * active.i} y={PAD.top} width={band} height={plotH} />}
            {bars.map(({ s, i, c }) => (
              <path key={'b' + i} fill={c} d={labels.map((_, k) => barPath(xMid(k) - barW / 2, barW, yOf(value(s, k)), base)).join('')} />
            ))}
            {lines.map(({ s, i, c }) => (
              <polyline key={'l' + i} fill="none" stroke={c} strokeWidth={2} strokeDasharray={s.color === 'compare' ? '6 4' : undefined} strokeLinejoin="round"
                points={labels.map((_, k) => `${xMid(k).toFixed(1)},${yOf(value(s, k)).toFixed(1)}`).join(' ')} />
            ))}
            {shownLabels(n, step).map((k) => (
              <text key={k} className="tc-label" x={clampLabel(xMid(k), textWidth(labels[k]), width)} y={svgHeight - 6} textAnchor="middle">{labels[k]}</text>
            ))}
            <rect className="tc-hit" x={left} y={PAD.top} width={plotW} height={plotH} onPointerMove={pick} onPointerDown={pick} onPointerLeave={() => setActive(null)} />
          </svg>
        )}
        {tip && active && (
          <div className="chart-tip" style={tip} aria-hidden="true">
            <strong>{labels[active.i]}</strong>
            {shown.map(({ s, c }) => (
              <div key={s.name} className="tip-row">
                <span className="tc-dot" style={{ background: c }} />
                <span>{s.name}</span>
                <b>{formatExact(value(s, active.i))}</b>
              </div>
            ))}
          </div>
        )}
        {/* A table keeps its content's width whatever its own: the 1-px clip box is a wrapper, so a long series
            name cannot widen the page on a phone. */}
        <div className="sr-only">
        <table>
          <thead>
            <tr>
              <th />
              {series.map((s) => <th key={s.name}>{s.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {labels.map((l, k) => (
              <tr key={k}>
                <th>{l}</th>
                {series.map((s) => <td key={s.name}>{value(s, k)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </div>
    </div>
  );
}

// At most this tall; narrower screens keep the map's proportions instead of an empty band above and below.
const MAP_HEIGHT = 340;
/** The world's box (width / height) before it is loaded, so that the placeholder takes the map's place. */
const WORLD_RATIO = '1008 / 471';

type MapProps = { set: ShapeSet; data: { x: string; y: number }[]; nameOf: (code: string, label: string) => string; onSelect?: (code: string) => void; className: string; attrs?: Record<string, string | number> };

/**
 * Shaded areas with a tooltip (name: value) under the pointer and a click to select. With focus, the arrow
 * keys go through the areas that have data (largest first) and Enter selects one.
 */
function Choropleth({ set, data, nameOf, onSelect, className, attrs }: MapProps) {
  const dark = useDark();
  const clip = useId();
  const box = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ i: number; x: number; y: number } | null>(null);
  const p = palette(dark);
  const shades = useMemo(() => shadeAll(data, p.low, p.views), [data, p.low, p.views]);
  // The paths only change with the shapes or the shades; hovering draws an outline on top of them.
  const areas = useMemo(
    () => set.shapes.map((s, i) => <path key={i} d={s.d} data-i={i} data-code={s.code} fill={shades.get(s.code)?.fill ?? p.empty} />),
    [set, shades, p.empty],
  );
  // The keyboard's stops: one shape per area with data (Cyprus and Northern Cyprus are both "CY"), largest first.
  const order = useMemo(() => {
    const seen = new Set<string>();
    return set.shapes
      .map((s, i) => ({ i, code: s.code, v: shades.get(s.code)?.value ?? 0 }))
      .filter((x) => x.v > 0 && !seen.has(x.code) && seen.add(x.code))
      .sort((a, b) => b.v - a.v)
      .map((x) => x.i);
  }, [set, shades]);
  const at = (e: { clientX: number; clientY: number; target: EventTarget }) => {
    const i = Number((e.target as Element).getAttribute?.('data-i') ?? NaN);
    const r = box.current!.getBoundingClientRect();
    setHover(Number.isInteger(i) ? { i, x: e.clientX - r.left, y: e.clientY - r.top } : null);
    return Number.isInteger(i) ? i : null;
  };
  const onKey = (e: KeyboardEvent) => {
    if ((e.key === 'Enter' || e.key === ' ') && hover && onSelect) {
      e.preventDefault();
      return onSelect(set.shapes[hover.i].code);
    }
    const dir = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (!dir || !order.length) return;
    e.preventDefault();
    const k = hover ? order.indexOf(hover.i) : -1;
    setHover({ i: order[(k + dir + order.length) % order.length] ?? order[0], x: 8, y: 8 });
  };
  const shape = hover ? set.shapes[hover.i] : null;
  const value = shape ? shades.get(shape.code)?.value ?? 0 : 0;
  return (
    <div ref={box} className={'chart map ' + className} style={{ width: '100%', aspectRatio: `${set.width} / ${set.height}`, maxHeight: MAP_HEIGHT }} {...attrs}
      tabIndex={0} role="group" aria-label={order.slice(0, 10).map((i) => `${nameOf(set.shapes[i].code, set.shapes[i].label)} ${shades.get(set.shapes[i].code)?.value}`).join(', ') || undefined}
      onKeyDown={onKey} onBlur={() => setHover(null)}>
      <svg viewBox={`0 0 ${set.width.toFixed(1)} ${set.height.toFixed(1)}`} width="100%" height="100%" preserveAspectRatio="xMidYMid meet" aria-hidden="true"
        className={onSelect ? 'selectable' : undefined}
        onPointerMove={at} onPointerLeave={() => setHover(null)}
        onClick={(e) => { const i = at(e); if (i !== null && onSelect) onSelect(set.shapes[i].code); }}>
        <clipPath id={clip}>
          <rect width={set.width} height={set.height} />
        </clipPath>
        <g clipPath={`url(#${clip})`} className="map-areas">
          {areas}
          {shape && <path className="map-hover" d={shape.d} />}
        </g>
      </svg>
      {shape && hover && (
        <div className="chart-tip" style={tipPlace(hover.x, hover.y, box.current?.clientWidth ?? 0, 160)} role="status">
          {nameOf(shape.code, shape.label)}: {formatExact(value)}
        </div>
      )}
    </div>
  );
}

let world: ShapeSet | null = null;
let worldLoad: Promise<ShapeSet> | null = null;

/** Fetches and projects the world's countries once (the first WorldMap to mount starts it). */
export function loadWorld(): Promise<ShapeSet> {
  worldLoad ??= fetch(worldUrl)
    .then((r) => {
      if (!r.ok) throw new Error('world map: HTTP ' + r.status);
      return r.json();
    })
    .then(
      (json) => (world = worldShapes(json)),
      (e) => {
        worldLoad = null; // a later mount tries again
        throw e;
      },
    );
  return worldLoad;
}

export function WorldMap({ data, label, onSelect }: { data: { x: string; y: number }[]; label: (code: string) => string; onSelect?: (code: string) => void }) {
  const [set, setSet] = useState(world);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (set) return;
    let live = true;
    loadWorld().then((s) => live && setSet(s), (e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [set]);
  if (error) return <p className="empty map-empty">{error}</p>;
  if (!set) return <div className="chart-placeholder" style={{ aspectRatio: WORLD_RATIO, maxHeight: MAP_HEIGHT }} />;
  return <Choropleth set={set} data={data} nameOf={(code) => label(code)} onSelect={onSelect} className="world-map" />;
}

const regionSets = new Map<string, ShapeSet | null>();

/**
 * A country's regions as a choropleth. The shapes load on first use (one small chunk per country); a
 * country without shapes says so, its regions stay listed in the Location panel.
 */
export function RegionMap({ country, data, empty, onSelect }: { country: string; data: { x: string; y: number }[]; empty: string; onSelect?: (code: string) => void }) {
  const [set, setSet] = useState<ShapeSet | null | undefined>(regionSets.get(country));
  useEffect(() => {
    if (regionSets.has(country)) return setSet(regionSets.get(country));
    setSet(undefined);
    let live = true;
    // The per-country file index (200+ names) is its own chunk too: only a drill-down needs it.
    import('./regionShapes').then((m) => m.loadRegionShapes(country)).then((s: RegionShapes | null) => {
      const projected = s ? regionShapeSet(s) : null;
      regionSets.set(country, projected);
      if (live) setSet(projected);
    }, () => live && setSet(null));
    return () => {
      live = false;
    };
  }, [country]);
  if (set === undefined) return <div className="chart-placeholder" style={{ height: MAP_HEIGHT }} />;
  if (set === null) return <p className="empty map-empty">{empty}</p>;
  const codes = new Set(set.shapes.map((s) => s.code));
  const shaded = data.filter((d) => codes.has(d.x)).length;
  return <Choropleth set={set} data={data} nameOf={(code, l) => l || code} onSelect={onSelect} className="region-map" attrs={{ 'data-country': country, 'data-shaded': shaded }} />;
}

