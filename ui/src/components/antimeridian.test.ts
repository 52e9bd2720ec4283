import { describe, expect, it } from 'vitest';
import { clampGeometry, clampRing } from './antimeridian';

describe('antimeridian', () => {
  it('a ring mostly east of 180° keeps its east side', () => {
    expect(clampRing([[170, 65], [179, 66], [-178, 66], [175, 64], [170, 65]])).toEqual([[170, 65], [179, 66], [180, 66], [175, 64], [170, 65]]);
  });
  it('a ring mostly west keeps its west side', () => {
    expect(clampRing([[-179, -16], [-178, -17], [179, -17], [-179, -16]])).toEqual([[-179, -16], [-178, -17], [-180, -17], [-179, -16]]);
  });
  it('ordinary rings and other geometry types are unchanged', () => {
    const de = [[6, 47], [15, 47], [15, 55], [6, 47]];
    expect(clampRing(de)).toBe(de);
    const point = { type: 'Point', coordinates: [1, 2] };
    expect(clampGeometry(point)).toBe(point);
    expect(clampGeometry({ type: 'MultiPolygon', coordinates: [[de]] })).toEqual({ type: 'MultiPolygon', coordinates: [[de]] });
  });
});
