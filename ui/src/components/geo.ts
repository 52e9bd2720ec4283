// Map projections and GeoJSON → SVG path strings for the hand-drawn maps (charts.tsx). No d3: the two
// projections the dashboard needs are a few lines each. Unit-tested in geo.test.ts.

export type Point = [number, number];
/** Longitude, latitude in degrees → plane coordinates with y growing northwards. */
export type Projection = (lon: number, lat: number) => Point;
export type Geometry = { type: string; coordinates?: unknown } | null;
/** minX, minY, maxX, maxY in projected (y-up) coordinates. */
export type Box = [number, number, number, number];

const RAD = Math.PI / 180;

/**
 * Natural Earth (Šavrič, Jenny, Patterson, Jenny 2011): a polynomial pseudo-cylindrical projection made for
 * small-scale world maps; the world is 2·2.7354 wide and 2·1.4224 tall (x, y in units of the sphere's radius).
 */
export const naturalEarth: Projection = (lon, lat) => {
  const l = lon * RAD;
  const p = lat * RAD;
  const p2 = p * p;
  const p4 = p2 * p2;
  return [
    l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4))),
    p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4))),
  ];
};

/**
 * Equirectangular with its standard parallel at `lat0`: a country-sized view keeps its shapes' proportions
 * near that latitude (Germany is not stretched 1.6 times wider, as plain longitude/latitude would draw it).
 */
export function equirectangular(lat0: number): Projection {
  const k = Math.cos(lat0 * RAD);
  return (lon, lat) => [lon * k, lat];
}

/** The rings (outer and holes) of a Polygon or MultiPolygon; nothing for other or missing geometries. */
export function ringsOf(g: Geometry): number[][][] {
  if (!g || !Array.isArray(g.coordinates)) return [];
  if (g.type === 'Polygon') return g.coordinates as number[][][];
  if (g.type === 'MultiPolygon') return (g.coordinates as number[][][][]).flat();
  return [];
}

/** The projected box around every point of the geometries (null when there is none). */
export function projectedBox(geometries: Geometry[], project: Projection): Box | null {
  let box: Box | null = null;
  for (const g of geometries)
    for (const ring of ringsOf(g))
      for (const [lon, lat] of ring) {
        const [x, y] = project(lon, lat);
        box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
      }
  return box;
}

/** Screen placement of a projected box: `width` units wide, y downwards, `pad` units of margin all round. */
export type View = { minX: number; maxY: number; k: number; pad: number; width: number; height: number };

export function viewOf(box: Box, width = 1000, pad = 0): View {
  const k = width / Math.max(1e-9, box[2] - box[0]);
  return { minX: box[0], maxY: box[3], k, pad, width: width + 2 * pad, height: (box[3] - box[1]) * k + 2 * pad };
}

/**
 * The geometry as one SVG path (each ring a closed subpath), in `view`'s units rounded to a tenth; points
 * that round onto the previous one are dropped (the 10 m region files have many).
 */
export function pathOf(g: Geometry, project: Projection, view: View): string {
  let d = '';
  for (const ring of ringsOf(g)) {
    let first = '';
    let last = '';
    let n = 0;
    let sub = '';
    for (let i = 0; i < ring.length; i++) {
      const [x, y] = project(ring[i][0], ring[i][1]);
      const p = `${Math.round(((x - view.minX) * view.k + view.pad) * 10) / 10},${Math.round(((view.maxY - y) * view.k + view.pad) * 10) / 10}`;
      // The closing point repeats the first: Z draws that line.
      if (p === last || (i === ring.length - 1 && p === first)) continue;
      if (n === 0) first = p;
      sub += (n === 0 ? 'M' : ' ') + p;
      last = p;
      n++;
    }
    if (n >= 3) d += sub + 'Z';
  }
  return d;
}
