import { describe, expect, it } from 'vitest';
import world from 'world-atlas/countries-110m.json';
import { equirectangular, naturalEarth, pathOf, projectedBox, ringsOf, viewOf } from './geo';
import { regionShapeSet, worldShapes, type ShapeSet } from './mapShapes';
import { loadRegionShapes } from './regionShapes';

/** The box around a path's points (M/space-separated "x,y" pairs). */
function pathBox(d: string): [number, number, number, number] {
  const pts = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
}
const centre = (set: ShapeSet, code: string) => {
  const b = pathBox(set.shapes.find((s) => s.code === code)!.d);
  return [(b[0] + b[2]) / 2 / set.width, (b[1] + b[3]) / 2 / set.height];
};

describe('Natural Earth projection', () => {
  it('has the published extent: 2 × 2.7354 wide, 2 × 1.4224 tall (width:height 1 : 0.52)', () => {
    expect(naturalEarth(180, 0)[0]).toBeCloseTo(2.7354, 3);
    expect(naturalEarth(0, 90)[1]).toBeCloseTo(1.4224, 3);
    expect(naturalEarth(0, 90)[1] / naturalEarth(180, 0)[0]).toBeCloseTo(0.52, 2);
  });
  it('maps the origin to the origin, is symmetric, and draws the poles as shorter lines', () => {
    expect(naturalEarth(0, 0)).toEqual([0, 0]);
    const [x, y] = naturalEarth(40, 50);
    expect(naturalEarth(-40, -50)).toEqual([-x, -y]);
    expect(naturalEarth(180, 90)[0]).toBeLessThan(naturalEarth(180, 0)[0]);
  });
  it('grows northwards with the latitude', () => {
    let last = -Infinity;
    for (let lat = -90; lat <= 90; lat += 5) {
      const y = naturalEarth(10, lat)[1];
      expect(y).toBeGreaterThan(last);
      last = y;
    }
  });
});

describe('equirectangular around a latitude', () => {
  it('shrinks longitudes by the cosine of the standard parallel', () => {
    const p = equirectangular(60);
    expect(p(10, 50)[0]).toBeCloseTo(5, 10);
    expect(p(10, 50)[1]).toBe(50);
    expect(equirectangular(0)(10, 50)).toEqual([10, 50]);
  });
});

describe('SVG paths', () => {
  const square = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] };
  it('puts a box into a view of the width asked, y downwards, with its margin', () => {
    const id = (x: number, y: number): [number, number] => [x, y];
    const view = viewOf(projectedBox([square], id)!, 100, 5);
    expect(view.width).toBe(110);
    expect(view.height).toBe(110);
    expect(pathOf(square, id, view)).toBe('M5,105 105,105 105,5 5,5Z');
  });
  it('drops points that round onto the previous one and rings that collapse', () => {
    const id = (x: number, y: number): [number, number] => [x, y];
    const view = viewOf([0, 0, 10, 10], 10);
    const g = { type: 'MultiPolygon', coordinates: [[[[0, 0], [0.01, 0], [5, 0], [5, 5], [0, 0]]], [[[1, 1], [1.01, 1], [1, 1.01], [1, 1]]]] };
    expect(pathOf(g, id, view)).toBe('M0,10 5,10 5,5Z');
  });
  it('reads Polygon and MultiPolygon rings and ignores anything else', () => {
    expect(ringsOf(square)).toHaveLength(1);
    expect(ringsOf({ type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] })).toHaveLength(2);
    expect(ringsOf({ type: 'Point', coordinates: [1, 2] })).toEqual([]);
    expect(ringsOf(null)).toEqual([]);
  });
});

describe('world map shapes', () => {
  const set = worldShapes(world);
  it('draws every country but Antarctica, each named by its ISO code', () => {
    expect(set.shapes.length).toBe(176);
    expect(set.shapes.some((s) => s.code === 'AQ')).toBe(false);
    for (const code of ['DE', 'US', 'BR', 'CN', 'AU', 'ZA', 'RU', 'FJ', 'XK', 'GB', 'FR']) expect(set.shapes.find((s) => s.code === code)?.d).toMatch(/^M/);
    expect(set.shapes.every((s) => /^[A-Z]{2}$/.test(s.code))).toBe(true);
  });
  it('is about twice as wide as tall and puts countries where they are', () => {
    expect(set.width).toBe(1008);
    expect(set.height / set.width).toBeGreaterThan(0.4);
    expect(set.height / set.width).toBeLessThan(0.5);
    const [dx, dy] = centre(set, 'DE');
    // The frame is the land's extent (Fiji reaches further east than Chukotka west): Greenwich is near the middle.
    expect(dx).toBeGreaterThan(0.48);
    expect(dx).toBeLessThan(0.56);
    expect(dy).toBeLessThan(0.3);
    const [ax, ay] = centre(set, 'AU');
    expect(ax).toBeGreaterThan(0.8);
    expect(ay).toBeGreaterThan(0.65);
    expect(centre(set, 'US')[0]).toBeLessThan(0.3);
  });
  it('keeps Russia and Fiji from striping across the map at 180°', () => {
    for (const code of ['RU', 'FJ']) {
      const b = pathBox(set.shapes.find((s) => s.code === code)!.d);
      for (const sub of set.shapes.find((s) => s.code === code)!.d.split('Z').filter(Boolean)) {
        const sb = pathBox(sub);
        expect(sb[2] - sb[0], `${code} ring ${sub.slice(0, 20)}`).toBeLessThan(set.width / 2);
      }
      expect(b[0]).toBeGreaterThanOrEqual(0);
      expect(b[2]).toBeLessThanOrEqual(set.width);
    }
  });
});

describe('region map shapes', () => {
  it("frames Germany's 16 states, Bavaria in the south-east", async () => {
    const set = regionShapeSet((await loadRegionShapes('DE'))!);
    // The file has no code for Brandenburg ("DE."): it is found by name, so all 16 states can be shaded.
    expect(set.shapes.length).toBe(16);
    expect(set.shapes.filter((s) => s.code.startsWith('DE-')).length).toBe(16);
    expect(set.shapes.some((s) => s.code === 'DE-BB')).toBe(true);
    const [bx, by] = centre(set, 'DE-BY');
    expect(bx).toBeGreaterThan(0.5);
    expect(by).toBeGreaterThan(0.6);
    const [sx, sy] = centre(set, 'DE-SH');
    expect(sx).toBeLessThan(0.5);
    expect(sy).toBeLessThan(0.25);
    // Germany spans ~9° of longitude at ~51°N (≈ 630 km) and ~8° of latitude (≈ 870 km): taller than wide.
    expect(set.height).toBeGreaterThan(set.width);
  });
  it('frames the 48 contiguous states: Alaska and Hawaii fall outside the view', async () => {
    const set = regionShapeSet((await loadRegionShapes('US'))!);
    const inside = (code: string) => {
      const b = pathBox(set.shapes.find((s) => s.code === code)!.d);
      return b[2] > 0 && b[0] < set.width && b[3] > 0 && b[1] < set.height;
    };
    expect(inside('US-TX')).toBe(true);
    expect(inside('US-ME')).toBe(true);
    expect(inside('US-AK')).toBe(false);
    expect(inside('US-HI')).toBe(false);
  });
});
