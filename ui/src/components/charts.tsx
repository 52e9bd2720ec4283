// Everything that needs ECharts, loaded on demand (its own chunk) so the first paint does not wait for it.
import { useEffect, useRef, useState } from 'react';
import type { RegionShapes } from './regionShapes';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart } from 'echarts/charts';
// The plain legend (no scrolling kind) and the simple grid (the tooltip brings the axis pointer itself).
import { GridSimpleComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
// The world's shapes are a static JSON file (hashed name, cached for a year), not a JS module: 108 KB that
// the browser neither parses nor compiles as JavaScript; it is fetched next to this chunk (see vite.config.ts).
import worldUrl from 'world-atlas/countries-110m.json?url';
import { ISO_NUMERIC } from '../lib/isoNumeric';
import { isDark } from '../lib/prefs';
import { clampGeometry } from './antimeridian';

echarts.use([BarChart, LineChart, MapChart, GridSimpleComponent, LegendPlainComponent, TooltipComponent, SVGRenderer]);

const NAMELESS: Record<string, string> = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' };
let worldLoad: Promise<void> | null = null;

/** Fetches and registers the world map once; WorldMap renders only after this resolved (see lazyCharts). */
export function loadWorld(): Promise<void> {
  worldLoad ??= fetch(worldUrl)
    .then((r) => {
      if (!r.ok) throw new Error('world map: HTTP ' + r.status);
      return r.json();
    })
    .then(registerWorld, (e) => {
      worldLoad = null; // a later mount tries again
      throw e;
    });
  return worldLoad;
}

function registerWorld(world: unknown) {
  const topo = world as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries) as unknown as { features: { id?: string; properties: { name: string }; geometry: { type: string; coordinates?: unknown } | null }[] };
  for (const f of fc.features) {
    f.geometry = clampGeometry(f.geometry);
    const code = (f.id && ISO_NUMERIC[f.id]) || NAMELESS[f.properties.name] || f.properties.name;
    f.properties.name = code;
  }
  fc.features = fc.features.filter((f) => f.properties.name !== 'AQ');
  echarts.registerMap('world', fc as never);
}

function palette() {
  const dark = isDark();
  return {
    text: dark ? '#c9d1d9' : '#394150',
    grid: dark ? '#2a313c' : '#e6e8ee',
    views: dark ? '#4c8dff' : '#2f6feb',
    visitors: dark ? '#8bb7ff' : '#93b6f5',
    compare: dark ? '#6b7280' : '#b8bfcc',
    empty: dark ? '#252b35' : '#eef0f4',
  };
}

/**
 * A choropleth's data with each area's colour: linear in RGB from `low` (0) to `high` (the largest value),
 * as ECharts' continuous visualMap would shade it, without shipping that component (30 KB).
 */
function shade(data: { x: string; y: number }[], low: string, high: string) {
  const max = Math.max(1, ...data.map((d) => d.y));
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [a, b] = [rgb(low), rgb(high)];
  return data.map((d) => {
    const t = Math.min(1, Math.max(0, (Number.isFinite(d.y) ? d.y : 0) / max));
    const c = a.map((v, i) => Math.round(v + (b[i] - v) * t));
    return { name: d.x, value: d.y, itemStyle: { areaColor: `rgb(${c.join(',')})` } };
  });
}

function useChart(option: () => echarts.EChartsCoreOption, deps: unknown[], onClick?: (name: string) => void) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The theme listener must draw the latest data, not the first render's.
  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    const theme = () => c.setOption(latest.current(), true);
    window.addEventListener('footfall-theme', theme);
    return () => {
      ro.disconnect();
      window.removeEventListener('footfall-theme', theme);
      c.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    chart.current?.setOption(option(), true);
    chart.current?.off('click');
    if (onClick) chart.current?.on('click', (p) => onClick((p as { name: string }).name));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return el;
}

export type SeriesSpec = { name: string; data: number[]; kind: 'bar' | 'line'; color?: 'views' | 'visitors' | 'compare' };

export function TimeChart({ labels, series, height = 280 }: { labels: string[]; series: SeriesSpec[]; height?: number }) {
  const el = useChart(
    () => {
      const p = palette();
      const auto = ['#2f6feb', '#e8590c', '#2b8a3e', '#ae3ec9', '#f59f00', '#0c8599', '#e03131', '#5c7cfa'];
      return {
        animation: false,
        grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
        legend: { top: 0, textStyle: { color: p.text }, itemWidth: 14, itemHeight: 10 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'category', data: labels, axisLabel: { color: p.text, hideOverlap: true }, axisLine: { lineStyle: { color: p.grid } }, axisTick: { show: false } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { color: p.text }, splitLine: { lineStyle: { color: p.grid } } },
        series: series.map((s, i) => ({
          name: s.name,
          type: s.kind,
          data: s.data,
          barGap: '-100%',
          barMaxWidth: 28,
          z: s.color === 'visitors' ? 3 : 2,
          symbol: 'none',
          lineStyle: s.color === 'compare' ? { type: 'dashed', width: 2 } : { width: 2 },
          itemStyle: { color: s.color ? p[s.color] : auto[i % auto.length], borderRadius: s.kind === 'bar' ? [3, 3, 0, 0] : 0 },
        })),
      };
    },
    [labels, series],
  );
  return <div ref={el} style={{ height, width: '100%' }} className="chart" />;
}

export function WorldMap({ data, label, onSelect }: { data: { x: string; y: number }[]; label: (code: string) => string; onSelect?: (code: string) => void }) {
  const el = useChart(
    () => {
      const p = palette();
      return {
        animation: false,
        tooltip: {
          trigger: 'item',
          formatter: (x: { name: string; value: number }) => `${label(x.name)}: ${Number.isFinite(x.value) ? x.value : 0}`,
        },
        series: [
          {
            type: 'map',
            map: 'world',
            roam: false,
            top: 8,
            bottom: 8,
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#f59f00' } },
            select: { disabled: true },
            itemStyle: { areaColor: p.empty, borderColor: isDark() ? '#11151c' : '#ffffff', borderWidth: 0.5 },
            data: shade(data, isDark() ? '#22406f' : '#cfe0ff', p.views),
          },
        ],
      };
    },
    [data],
    onSelect,
  );
  return <div ref={el} className="chart map" style={{ width: '100%', height: 340 }} />;
}

const regionMaps = new Map<string, RegionShapes | null>();

/**
 * A country's regions as a choropleth. The shapes load on first use (one small chunk per country); a
 * country without shapes says so, its regions stay listed in the Location panel.
 */
export function RegionMap({ country, data, empty, onSelect }: { country: string; data: { x: string; y: number }[]; empty: string; onSelect?: (code: string) => void }) {
  const [shapes, setShapes] = useState<RegionShapes | null | undefined>(regionMaps.get(country));
  useEffect(() => {
    if (regionMaps.has(country)) return setShapes(regionMaps.get(country));
    let live = true;
    // The per-country file index (200+ names) is its own chunk too: only a drill-down needs it.
    import('./regionShapes').then((m) => m.loadRegionShapes(country)).then((s) => {
      if (s) echarts.registerMap('region-' + country, s as never);
      regionMaps.set(country, s);
      if (live) setShapes(s);
    }, () => live && setShapes(null));
    return () => {
      live = false;
    };
  }, [country]);
  if (shapes === undefined) return <div className="chart-placeholder" style={{ height: 340 }} />;
  if (shapes === null) return <p className="empty map-empty">{empty}</p>;
  return <RegionChart country={country} shapes={shapes} data={data} onSelect={onSelect} />;
}

function RegionChart({ country, shapes, data, onSelect }: { country: string; shapes: RegionShapes; data: { x: string; y: number }[]; onSelect?: (code: string) => void }) {
  const labels = new Map(shapes.features.map((f) => [f.properties.name, f.properties.label]));
  const shaded = data.filter((d) => labels.has(d.x)).length;
  const el = useChart(
    () => {
      const p = palette();
      return {
        animation: false,
        tooltip: {
          trigger: 'item',
          formatter: (x: { name: string; value: number }) => `${labels.get(x.name) || x.name}: ${Number.isFinite(x.value) ? x.value : 0}`,
        },
        series: [
          {
            type: 'map',
            map: 'region-' + country,
            roam: false,
            ...(shapes.bounds ? { boundingCoords: shapes.bounds } : {}),
            top: 8,
            bottom: 8,
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#f59f00' } },
            select: { disabled: true },
            itemStyle: { areaColor: p.empty, borderColor: isDark() ? '#11151c' : '#ffffff', borderWidth: 0.5 },
            data: shade(data, isDark() ? '#22406f' : '#cfe0ff', p.views),
          },
        ],
      };
    },
    [data, shapes],
    onSelect,
  );
  return <div ref={el} className="chart map region-map" data-country={country} data-shaded={shaded} style={{ width: '100%', height: 340 }} />;
}

export default { TimeChart, WorldMap, RegionMap, loadWorld };
