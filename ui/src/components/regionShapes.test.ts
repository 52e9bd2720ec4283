import { describe, expect, it } from 'vitest';
import { coreBounds, isoCode, shapeCode } from './regionShapes';
import byName from './regionShapeCodes.json';

describe('region shape codes', () => {
  it('HASC-style ids become ISO 3166-2 codes of the same country', () => {
    expect(isoCode('DE', 'DE.BY')).toBe('DE-BY');
    expect(isoCode('US', 'CA')).toBe('US-CA');
    expect(isoCode('CH', 'CH.ZH')).toBe('CH-ZH');
  });
  it('ids that are incomplete or of another country match nothing', () => {
    expect(isoCode('FR', 'MQ.')).toBeNull();
    expect(isoCode('ES', '-99')).toBeNull();
    expect(isoCode('FR', 'GF.GF')).toBeNull();
    expect(isoCode('DE', undefined)).toBeNull();
  });
  it('shapes without an ISO id get the code the collector gives their name', () => {
    expect(shapeCode(byName, 'DE', 'DE.', 'Brandenburg')).toBe('DE-BB');
    // Belgium's file uses HASC province codes ("BE.HT"), which are not ISO 3166-2.
    expect(shapeCode(byName, 'BE', 'BE.HT', 'Hainaut')).toBe('BE-WHT');
    expect(shapeCode(byName, 'FI', 'FI.', 'Lapland')).toBe('FI-10');
    // An ISO id is kept as it is.
    expect(shapeCode(byName, 'DE', 'DE.BY', 'Bayern')).toBe('DE-BY');
    expect(shapeCode(byName, 'DE', 'DE.', 'Nowhere')).toBeNull();
  });
});

describe('region map view', () => {
  it('leaves far-away parts out of the view (France without its overseas regions)', () => {
    const metro: [number, number, number, number][] = Array.from({ length: 9 }, (_, i) => [-4 + i, 43, -3 + i, 44 + (i % 3)]);
    const overseas: [number, number, number, number][] = [[-61.8, 15.8, -61, 16.5], [55.2, -21.4, 55.8, -20.9]];
    expect(coreBounds([...metro, ...overseas])).toEqual([[-4, 46], [5, 43]]);
  });
  it('keeps a compact country whole', () => {
    expect(coreBounds([[5, 47, 10, 55], [10, 47, 15, 55]])).toEqual([[5, 55], [15, 47]]);
  });
});
