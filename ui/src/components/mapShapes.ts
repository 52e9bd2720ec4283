// The world's countries and a country's regions as ready-to-draw SVG paths (projected once per load, the
// charts only change colours). Unit-tested in geo.test.ts.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ISO_NUMERIC } from '../lib/isoNumeric';
import { clampGeometry } from './antimeridian';
import { equirectangular, naturalEarth, pathOf, projectedBox, viewOf, type Box, type Geometry } from './geo';
import type { RegionShapes } from './regionShapes';

/** An area to draw: the code the API's data names it by (ISO alpha-2 or ISO 3166-2), its name, its path. */
export type Shape = { code: string; label: string; d: string };
/** The areas in a `width` × `height` box (the SVG's viewBox). */
export type ShapeSet = { shapes: Shape[]; width: number; height: number };

// world-atlas leaves these without an ISO number; Northern Cyprus and Somaliland are counted in the country
// the API's geolocation puts them in.
const NAMELESS: Record<string, string> = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' };

/** world-atlas' countries-110m topology → the countries (Antarctica left out: no visitors, much space). */
export function worldShapes(world: unknown): ShapeSet {
  const topo = world as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries) as unknown as { features: { id?: string; properties: { name: string }; geometry: Geometry }[] };
  const countries = fc.features
    .map((f) => ({ code: (f.id && ISO_NUMERIC[f.id]) || NAMELESS[f.properties.name] || f.properties.name, label: f.properties.name, geometry: clampGeometry(f.geometry) }))
    .filter((c) => c.code !== 'AQ');
  const box = projectedBox(countries.map((c) => c.geometry), naturalEarth) ?? [-1, -1, 1, 1];
  const view = viewOf(box, 1000, 4);
  return { shapes: countries.map((c) => ({ code: c.code, label: c.label, d: pathOf(c.geometry, naturalEarth, view) })), width: view.width, height: view.height };
}

/**
 * A country's regions framed on its main body (`bounds`, see regionShapes' coreBounds), projected around
 * that box's middle latitude. Parts outside the frame (overseas regions) lie outside the viewBox.
 */
export function regionShapeSet(regions: RegionShapes): ShapeSet {
  const geometries = regions.features.map((f) => f.geometry as Geometry);
  const b = regions.bounds; // [[west, north], [east, south]]
  const lat0 = b ? (b[0][1] + b[1][1]) / 2 : 0;
  const project = equirectangular(Math.max(-80, Math.min(80, lat0)));
  let box: Box | null;
  if (b) {
    const [x0, y0] = project(b[0][0], b[1][1]);
    const [x1, y1] = project(b[1][0], b[0][1]);
    box = [x0, y0, x1, y1];
  } else box = projectedBox(geometries, project);
  if (!box) return { shapes: [], width: 1000, height: 600 };
  // A one-region frame can be a sliver: keep the box at least a fifth as tall as wide and vice versa.
  const [w, h] = [box[2] - box[0], box[3] - box[1]];
  if (h < w / 5) box = [box[0], box[1] - (w / 5 - h) / 2, box[2], box[3] + (w / 5 - h) / 2];
  if (w < h / 5) box = [box[0] - (h / 5 - w) / 2, box[1], box[2] + (h / 5 - w) / 2, box[3]];
  const view = viewOf(box, 1000, 10);
  return {
    shapes: regions.features.map((f, i) => ({ code: f.properties.name, label: f.properties.label, d: pathOf(geometries[i], project, view) })),
    width: view.width,
    height: view.height,
  };
}
