// Rings that cross the 180° meridian (Russia's Chukotka, Fiji, the Aleutians) come out of TopoJSON with
// points at both +179 and -179; drawn on a flat map they become stripes across the whole world. Each such
// ring is pressed against the side where most of its points are (the few degrees beyond are lost).
type Ring = number[][];

export function clampRing(ring: Ring): Ring {
  let min = Infinity;
  let max = -Infinity;
  let east = 0;
  for (const [x] of ring) {
    min = Math.min(min, x);
    max = Math.max(max, x);
    if (x > 0) east++;
  }
  if (max - min <= 180) return ring;
  const toEast = east * 2 >= ring.length;
  return ring.map(([x, y]) => [toEast ? (x < 0 ? 180 : x) : x > 0 ? -180 : x, y]);
}

/** The same geometry with every ring that crosses 180° clamped (Polygon and MultiPolygon). */
export function clampGeometry<G extends { type: string; coordinates?: unknown } | null>(g: G): G {
  if (!g || !g.coordinates) return g;
  if (g.type === 'Polygon') return { ...g, coordinates: (g.coordinates as Ring[]).map(clampRing) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: (g.coordinates as Ring[][]).map((p) => p.map(clampRing)) };
  return g;
}
