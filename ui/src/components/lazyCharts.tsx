import { lazy, Suspense, type ComponentProps } from 'react';
import type { RegionMap as RM, TimeChart as TC, WorldMap as WM } from './charts';

const TimeChartLazy = lazy(() => import('./charts').then((m) => ({ default: m.TimeChart })));
const RegionMapLazy = lazy(() => import('./charts').then((m) => ({ default: m.RegionMap })));
const WorldMapLazy = lazy(() => import('./charts').then((m) => m.loadWorld().then(() => ({ default: m.WorldMap }))));

export function TimeChart(props: ComponentProps<typeof TC>) {
  return (
    <Suspense fallback={<div className="chart-placeholder" style={{ height: props.height ?? 280 }} />}>
      <TimeChartLazy {...props} />
    </Suspense>
  );
}

export function WorldMap(props: ComponentProps<typeof WM>) {
  return (
    <Suspense fallback={<div className="chart-placeholder" style={{ height: 340 }} />}>
      <WorldMapLazy {...props} />
    </Suspense>
  );
}

export function RegionMap(props: ComponentProps<typeof RM>) {
  return (
    <Suspense fallback={<div className="chart-placeholder" style={{ height: 340 }} />}>
      <RegionMapLazy {...props} />
    </Suspense>
  );
}
